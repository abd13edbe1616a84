#include "central/public/open_data.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "central/public/figures.h"
#include "central/public/words.h"

namespace oneservice::central::public_pages {
namespace {

struct Row {
  const PublicCase& each;
  PublicArea area;
  std::string tracking_url;
};

std::vector<Row> rows_of(const Site& site, const Visit& visit, const TopIssues& figures) {
  std::vector<Row> rows;
  for (const auto& each : figures.recent)
    rows.push_back({each, public_area(site, each.lat, each.lon, each.responsible_area_id),
                    visit.base_url + "/track/" + each.service_request_id});
  return rows;
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string coordinate_text(const std::optional<double>& degrees) {
  if (!degrees) return {};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", published_coordinate(*degrees));
  return buffer;
}

}  // namespace

double published_coordinate(double degrees) { return std::round(degrees * 1000.0) / 1000.0; }

Answer cases_csv(const Site& site, const Visit& visit) {
  const auto figures = top_issues(site, site.clock.now());
  std::string csv =
      "service_request_id,service_code,service_name,status,open,requested_datetime,updated_datetime,fixed_datetime,"
      "area_id,area_name,agency_responsible,lat,long,tracking_url\r\n";
  for (const auto& row : rows_of(site, visit, figures)) {
    const auto& each = row.each;
    const std::vector<std::string> fields = {each.service_request_id,
                                             each.service_code,
                                             service_name(site, visit.t, each.service_code),
                                             std::string(to_string(each.status)),
                                             is_open(each.status) ? "true" : "false",
                                             each.requested_datetime,
                                             each.updated_datetime,
                                             each.fixed_at,
                                             row.area.id,
                                             visit.t.council(row.area.name),
                                             visit.t.council(each.agency_responsible),
                                             coordinate_text(each.lat),
                                             coordinate_text(each.lon),
                                             row.tracking_url};
    for (std::size_t i = 0; i < fields.size(); ++i) csv += (i ? "," : "") + csv_field(fields[i]);
    csv += "\r\n";
  }
  return {200, csv, "text/csv; charset=utf-8"};
}

Answer cases_geojson(const Site& site, const Visit& visit) {
  const auto figures = top_issues(site, site.clock.now());
  nlohmann::json features = nlohmann::json::array();
  for (const auto& row : rows_of(site, visit, figures)) {
    const auto& each = row.each;
    nlohmann::json geometry = nullptr;
    if (each.lat && each.lon)
      geometry = {{"type", "Point"},
                  {"coordinates", {published_coordinate(*each.lon), published_coordinate(*each.lat)}}};
    features.push_back({{"type", "Feature"},
                        {"id", each.service_request_id},
                        {"geometry", geometry},
                        {"properties",
                         {{"service_request_id", each.service_request_id},
                          {"service_code", each.service_code},
                          {"service_name", service_name(site, visit.t, each.service_code)},
                          {"status", to_string(each.status)},
                          {"status_words", status_words(visit.t, each.status)},
                          {"open", is_open(each.status)},
                          {"requested_datetime", each.requested_datetime},
                          {"updated_datetime", each.updated_datetime},
                          {"fixed_datetime", each.fixed_at},
                          {"area_id", row.area.id},
                          {"area_name", visit.t.council(row.area.name)},
                          {"agency_responsible", visit.t.council(each.agency_responsible)},
                          {"tracking_url", row.tracking_url}}}});
  }
  const nlohmann::json collection = {{"type", "FeatureCollection"}, {"features", features}};
  return {200, collection.dump(1, ' ', false, nlohmann::json::error_handler_t::replace),
          "application/geo+json; charset=utf-8"};
}

Answer open_data_page(const Site& site, const Visit& visit) {
  const auto& t = visit.t;
  auto parts = page_parts(site, visit, t.tr("Open data"));
  const auto lang = "?lang=" + escape(t.language());
  std::string html = "<p class=\"lede\">" +
                     escape(t.tr("Every report made in the last 30 days, with its service, status, dates, area and "
                                 "who deals with it. Nothing in it says who made a report: no names, contact "
                                 "details, answers, descriptions, addresses or photos. Places are rounded to about "
                                 "100 metres.")) +
                     "</p>";
  html += "<ul><li><a href=\"/open-data/cases.csv" + lang + "\">" + escape(t.tr("Reports as a spreadsheet (CSV)")) +
          "</a></li><li><a href=\"/open-data/cases.geojson" + lang + "\">" +
          escape(t.tr("Reports on a map (GeoJSON)")) + "</a></li><li><a href=\"/top-issues/chart.svg" + lang +
          "\">" + escape(t.tr("The chart of the last 7 days (SVG)")) + "</a></li></ul>";
  html += "<h2>" + escape(t.tr("Updates for your area")) + "</h2><p>" +
          escape(t.tr("A feed of new reports and their updates for each area, for a feed reader (Atom).")) +
          "</p><ul>";
  for (const auto& area : site.boundaries.areas())
    if (area.kind == "district")
      html += "<li><a href=\"/areas/" + url_encode(area.id) + "/updates.atom" + lang + "\">" +
              escape(t.council(area.name)) + "</a></li>";
  parts.main_html = html + "</ul>";
  return {200, render_page(t, parts)};
}

}  // namespace oneservice::central::public_pages
