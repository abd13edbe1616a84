// What is being reported (issue 16): the top issues as a page with its SVG
// chart, the same figures as open data (CSV, GeoJSON) and Atom feeds of a
// case's and an area's updates; nothing personal in any of them.
#include <gtest/gtest.h>

#include <gmock/gmock.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "central/public/digest.h"
#include "public_fixture.h"
#include "support/central_process.h"
#include "shared/identity.h"
#include "support/sample_request.h"

using namespace oneservice;
using namespace oneservice::central;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

namespace {

httplib::Result get(const test::PublicServer& server, const std::string& path) {
  auto client = server.client();
  return client.Get(path);
}

// Three potholes in Ashcombe (one fixed two days after it came), one in
// Millbrook, and one 10 days old in Kingsford (in the month, not the week).
struct Reported {
  std::string ashcombe_fixed, ashcombe_open, millbrook, kingsford_old;
};

Reported report_some(test::PublicServer& server) {
  Reported ids;
  server.clock().set("2026-11-12T09:00:00Z");
  ids.kingsford_old = server.report(test_support::client_id_for(1), "en", 51.2, -1.45);
  server.clock().set("2026-11-19T09:00:00Z");
  ids.ashcombe_fixed = server.report(test_support::client_id_for(2), "en", 51.2, -1.82);
  server.report(test_support::client_id_for(3), "en", 51.1, -1.75);
  ids.ashcombe_open = server.report(test_support::client_id_for(4), "en", 51.15, -1.7);
  ids.millbrook = server.report(test_support::client_id_for(5), "en", 51.01, -1.46);
  server.clock().set("2026-11-21T09:00:00Z");
  server.update(ids.ashcombe_fixed, CaseStatus::Fixed, "Filled and sealed.");
  server.clock().set("2026-11-22T14:05:00Z");
  return ids;
}

TEST(PublicTopIssues, TheWeeksMostReportedProblemsWithFixesChartAndLinks) {
  test::PublicServer server("https://wealdshire.example/report/{service_code}");
  const auto ids = report_some(server);
  const auto res = get(server, "/top-issues");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const auto& html = res->body;
  EXPECT_THAT(html, HasSubstr("4 reports in the last 7 days. 1 fixed so far."));
  EXPECT_THAT(html, HasSubstr("A fix typically took 2 days."));
  EXPECT_THAT(html, HasSubstr("<svg")) << "the chart, drawn by the server";
  EXPECT_THAT(html, HasSubstr("role=\"img\""));
  EXPECT_THAT(html, HasSubstr("Report a pothole: 4 reported, 1 fixed.")) << "the chart's description";
  EXPECT_THAT(html, HasSubstr("Ashcombe District Council</a></td><td class=\"num\">3</td><td class=\"num\">1</td>"));
  EXPECT_THAT(html, HasSubstr("Millbrook District Council</a></td><td class=\"num\">1</td><td class=\"num\">0</td>"));
  EXPECT_THAT(html, Not(HasSubstr("Kingsford Borough Council</a></td><td class=\"num\">")))
      << "10 days old: not in this week's table";
  EXPECT_THAT(html, HasSubstr("href=\"/track/" + ids.millbrook + "?lang=en\""));
  EXPECT_THAT(html, HasSubstr("href=\"https://wealdshire.example/report/pothole\""));
  EXPECT_THAT(test::personal_data_in(html), IsEmpty());
  const auto month = get(server, "/top-issues?period=month");
  EXPECT_THAT(month->body, HasSubstr("5 reports in the last 30 days."));
  EXPECT_THAT(month->body, HasSubstr("Kingsford Borough Council"));
  EXPECT_THAT(month->body, HasSubstr("aria-current=\"page\""));
}

TEST(PublicTopIssues, NearYouAreaByAreaWithItsFeed) {
  test::PublicServer server;
  report_some(server);
  const auto millbrook = get(server, "/top-issues?area=district-millbrook");
  ASSERT_TRUE(millbrook);
  EXPECT_EQ(millbrook->status, 200);
  EXPECT_THAT(millbrook->body, HasSubstr("1 report in the last 7 days. 0 fixed so far."));
  EXPECT_THAT(millbrook->body, HasSubstr("href=\"/areas/district-millbrook/updates.atom?lang=en\""));
  EXPECT_THAT(millbrook->body, HasSubstr("&amp;area=district-millbrook\" aria-current=\"page\""));
  EXPECT_THAT(millbrook->body, Not(HasSubstr("Ashcombe District Council</a></td>")));
  const auto month = get(server, "/top-issues?area=district-ashcombe&period=month");
  EXPECT_THAT(month->body, HasSubstr("3 reports in the last 30 days. 1 fixed so far."));
  const auto unknown = get(server, "/top-issues?area=parish-wenford&lang=cy");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400) << "areas are districts";
  EXPECT_THAT(unknown->body, HasSubstr("Dewiswch un o’r ardaloedd isod"));
}

TEST(PublicTopIssues, InWelshWithItsPluralsAndAnErrorForAnUnknownPeriod) {
  test::PublicServer server;
  report_some(server);
  const auto welsh = get(server, "/top-issues?lang=cy");
  ASSERT_TRUE(welsh);
  EXPECT_THAT(welsh->body, HasSubstr("<html lang=\"cy\""));
  EXPECT_THAT(welsh->body, HasSubstr("4 adroddiad yn ystod y 7 diwrnod diwethaf"));
  const auto bad = get(server, "/top-issues?period=year&lang=cy");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_THAT(bad->body, HasSubstr("Mae problem"));
  EXPECT_THAT(bad->body, HasSubstr("<title>Gwall:"));
  const auto svg = get(server, "/top-issues/chart.svg?lang=cy");
  ASSERT_TRUE(svg);
  EXPECT_THAT(svg->get_header_value("Content-Type"), HasSubstr("image/svg+xml"));
  pugi::xml_document chart;
  ASSERT_TRUE(chart.load_string(svg->body.c_str())) << "a well-formed SVG file";
  EXPECT_STREQ(chart.document_element().attribute("xmlns").value(), "http://www.w3.org/2000/svg");
}

TEST(PublicOpenData, CsvAndGeoJsonHoldTheCasesWithoutAnythingPersonal) {
  test::PublicServer server;
  const auto ids = report_some(server);
  const auto csv = get(server, "/open-data/cases.csv");
  ASSERT_TRUE(csv);
  EXPECT_THAT(csv->get_header_value("Content-Type"), HasSubstr("text/csv"));
  EXPECT_THAT(test::personal_data_in(csv->body), IsEmpty());
  std::size_t lines = 0;
  for (const char c : csv->body) lines += c == '\n';
  EXPECT_EQ(lines, 6u) << "a header and five cases";
  EXPECT_THAT(csv->body, HasSubstr(ids.ashcombe_fixed + ",pothole,Report a pothole,FIXED,false,2026-11-19T09:00:00Z,"
                                                        "2026-11-21T09:00:00Z,2026-11-21T09:00:00Z,district-ashcombe,"
                                                        "Ashcombe District Council,Wealdshire County Council,51.200,"
                                                        "-1.820,http://"));
  const auto geojson = get(server, "/open-data/cases.geojson");
  ASSERT_TRUE(geojson);
  EXPECT_THAT(test::personal_data_in(geojson->body), IsEmpty());
  const auto document = nlohmann::json::parse(geojson->body);
  EXPECT_EQ(document.at("type"), "FeatureCollection");
  ASSERT_EQ(document.at("features").size(), 5u);
  for (const auto& feature : document.at("features")) {
    const auto& point = feature.at("geometry").at("coordinates");
    for (const auto& degrees : point) {
      const double value = degrees.get<double>();
      EXPECT_NEAR(value * 1000, std::round(value * 1000), 1e-6) << "3 decimal places";
    }
  }
  const auto page = get(server, "/open-data?lang=cy");
  EXPECT_EQ(page->status, 200);
  EXPECT_THAT(page->body, HasSubstr("/areas/district-millbrook/updates.atom"));
}

TEST(PublicFeeds, ACasesAndAnAreasUpdatesAsAtomWithPublicWordsOnly) {
  test::PublicServer server;
  const auto ids = report_some(server);
  const auto feed = get(server, "/track/" + ids.ashcombe_fixed + "/updates.atom");
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->status, 200);
  EXPECT_THAT(feed->get_header_value("Content-Type"), HasSubstr("application/atom+xml"));
  EXPECT_THAT(test::personal_data_in(feed->body), IsEmpty()) << "the private note names the resident";
  pugi::xml_document atom;
  ASSERT_TRUE(atom.load_string(feed->body.c_str()));
  const auto root = atom.child("feed");
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.w3.org/2005/Atom");
  std::vector<std::string> titles, contents;
  for (const auto entry : root.children("entry")) {
    titles.emplace_back(entry.child_value("title"));
    contents.emplace_back(entry.child_value("content"));
  }
  ASSERT_EQ(titles.size(), 2u);
  EXPECT_EQ(titles[0], "Fixed");
  EXPECT_EQ(contents[0], "Filled and sealed.");
  EXPECT_EQ(titles[1], "Your request reached the council");
  const auto by_reference = get(server, "/track/" + local_reference(test_support::client_id_for(2)) + "/updates.atom");
  EXPECT_EQ(by_reference->body, feed->body);

  const auto area = get(server, "/areas/district-ashcombe/updates.atom");
  ASSERT_TRUE(area);
  EXPECT_EQ(area->status, 200);
  EXPECT_THAT(test::personal_data_in(area->body), IsEmpty());
  pugi::xml_document area_atom;
  ASSERT_TRUE(area_atom.load_string(area->body.c_str()));
  int new_reports = 0, fixed = 0;
  for (const auto entry : area_atom.child("feed").children("entry")) {
    const std::string title = entry.child_value("title");
    new_reports += title == "New report: Report a pothole";
    fixed += title == "Fixed";
  }
  EXPECT_EQ(new_reports, 3) << "the Millbrook and Kingsford ones are not in Ashcombe";
  EXPECT_EQ(fixed, 1);
  auto client = server.client();
  const auto forged = client.Get("/track/" + ids.ashcombe_fixed + "/updates.atom", {{"Host", "evil.example/\"><x"}});
  ASSERT_TRUE(forged);
  EXPECT_THAT(forged->body, HasSubstr("<id>http://127.0.0.1/track/")) << "a Host that is not one is not used";
  EXPECT_THAT(forged->body, Not(HasSubstr("evil")));
  const auto unknown = get(server, "/areas/nowhere/updates.atom?lang=cy");
  EXPECT_EQ(unknown->status, 404);
  EXPECT_THAT(unknown->body, HasSubstr("<html lang=\"cy\""));
}

}  // namespace

namespace {

TEST(PublicDigest, TheWeeksTextAndChartInBothLanguagesFromThePagesFigures) {
  test::PublicServer server;
  report_some(server);
  const auto site = server.site();
  const auto now = *parse_iso8601("2026-11-22T14:05:00Z");
  const auto english = public_pages::weekly_digest(site, site.translators.get("en"), now, "https://t.example");
  EXPECT_THAT(english.text, HasSubstr("What you told Wealdshire County Council in the week to 22 November 2026"));
  EXPECT_THAT(english.text, HasSubstr("4 reports in the last 7 days. 1 fixed so far. A fix typically took 2 days."))
      << "the top-issues page's own sentence and figures";
  EXPECT_THAT(english.text, HasSubstr("- Report a pothole: 4 reported, 1 fixed."));
  EXPECT_THAT(english.text, HasSubstr("https://t.example/top-issues?lang=en"));
  EXPECT_THAT(test::personal_data_in(english.text), IsEmpty());
  pugi::xml_document svg;
  ASSERT_TRUE(svg.load_string(english.svg.c_str()));
  EXPECT_STREQ(svg.document_element().name(), "svg");
  const auto welsh = public_pages::weekly_digest(site, site.translators.get("cy"), now, "https://t.example");
  EXPECT_THAT(welsh.text, HasSubstr("4 adroddiad yn ystod y 7 diwrnod diwethaf"));
  EXPECT_THAT(welsh.text, HasSubstr("Rhoi gwybod am dwll yn y ffordd: 4 wedi’u hadrodd, 1 wedi’u trwsio."));
  EXPECT_THAT(welsh.svg, HasSubstr("Wedi’u hadrodd"));
}

TEST(PublicDigest, TheCommandWritesTheTextAndImageForEachLanguage) {
  test::TempFolder data, out;
  {
    CaseStore store(data.path());
    store.create(test::sample_case(test_support::client_id_for(1)));
  }
  const auto run = test::run_central({"report", "digest", "--data", data.path(), "--out", out.path(), "--public-url",
                                      "https://t.example/"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const auto* name : {"digest-en.txt", "digest-en.svg", "digest-cy.txt", "digest-cy.svg"})
    EXPECT_TRUE(std::filesystem::exists(out.path() + "/" + name)) << name;
  const auto text = test::read_bytes(out.path() + "/digest-cy.txt");
  EXPECT_THAT(text, HasSubstr("1 adroddiad yn ystod y 7 diwrnod diwethaf"));
  EXPECT_THAT(text, HasSubstr("https://t.example/top-issues?lang=cy"));
}

}  // namespace
