// POST requests exactly as FixMyStreet's client sends a report
// (Open311.pm send_service_request, _populate_service_request_params,
// _populate_service_request_uploads, _add_photos_to_upload,
// _generate_service_request_description), over loopback HTTP.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "api_fixture.h"
#include "central/intake/messages.h"
#include "fixmystreet_wire.h"
#include "shared/request_json.h"

using namespace oneservice;
using namespace oneservice::central;
using nlohmann::json;
using test::Params;

namespace {

constexpr const char* kRequestsXml = "/open311/v2/requests.xml";

class FixMyStreetReports : public ::testing::Test {
 protected:
  void SetUp() override { fms_key = server.store().add_key("FixMyStreet", "web"); }

  // A pothole report as _populate_service_request_params and _request build
  // it (extended_description off unless the test sets description).
  Params report(const std::string& description = "Deep hole by the bus stop") const {
    return {{"jurisdiction_id", "wealdshire"},
            {"api_key", fms_key},
            {"description", description},
            {"service_code", "pothole"},
            {"first_name", "Ann"},
            {"last_name", "Example"},
            {"email", "ann.example@example.org"},
            {"lat", "51.200000"},
            {"long", "-1.820000"},
            {"attribute[road_or_pavement]", "road"},
            {"attribute[pothole_size]", "about_plate"},
            {"attribute[depth_cm]", "7"}};
  }

  std::string created_id(const test::WireAnswer& answer) const {
    EXPECT_EQ(answer.status, 200) << answer.body;
    return test::fms_read(answer.body, "service_requests", "request", "service_request_id");
  }

  json request_json(const std::string& id) const {
    return json::parse(test::get_path(server.port(), "/open311/v2/requests/" + id + ".json").body).at(0);
  }

  test::ApiServer server;
  std::string fms_key;
};

}  // namespace

TEST_F(FixMyStreetReports, PhotosUploadedAsPhoto1AndPhoto2AreStoredWithTheirFileNames) {
  // upload_files on a private report: the text fields become parts with no
  // filename and no type, the photos photo1..photoN with FixMyStreet's names,
  // plus an enquiry file (file_KEY) that is not a photo.
  const auto first = test::jpeg("first"), second = test::jpeg("second");
  const auto answer = test::post_form_data(
      server.port(), kRequestsXml, report(),
      {{"file_abc123", "Letter to the council.pdf", "", "%PDF-1.4 not a photo"},
       {"photo1", "123.0.full.jpeg", "image/jpeg", first},
       {"photo2", "123.1.full.jpeg", "image/jpeg", second}});
  const auto id = created_id(answer);
  ASSERT_FALSE(id.empty()) << answer.body;
  const auto record = request_json(id);
  const auto links = record.at("media_urls");
  ASSERT_EQ(links.size(), 2u) << record.dump();
  EXPECT_EQ(record.at("media_url"), links[0]);
  const std::string one = links[0], two = links[1];
  EXPECT_EQ(test::get_path(server.port(), one.substr(one.find("/media/"))).body, first);
  EXPECT_EQ(test::get_path(server.port(), two.substr(two.find("/media/"))).body, second);
  // The text parts were read as fields, whatever carried them.
  EXPECT_EQ(record.at("description"), "Deep hole by the bus stop");
  // The enquiry file was not kept.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(server.store().media_dir())) ++files;
  EXPECT_EQ(files, 2u);
}

TEST_F(FixMyStreetReports, APhotoPartIsNeverATextFieldWhateverItsName) {
  // A part named like a field but carrying a file is a file: a photo here,
  // and the description stays the field's.
  const auto photo = test::jpeg("named oddly");
  const auto id = created_id(test::post_form_data(server.port(), kRequestsXml, report(),
                                                  {{"description", "IMG_0001.JPG", "image/jpeg", photo},
                                                   {"photo10", "123.9.full.jpeg", "", test::jpeg("ten")},
                                                   {"photo2", "123.1.full.jpeg", "image/jpeg", test::jpeg("two")}}));
  ASSERT_FALSE(id.empty());
  const auto record = request_json(id);
  EXPECT_EQ(record.at("description"), "Deep hole by the bus stop") << "the text field, not the file";
  const auto links = record.at("media_urls");
  ASSERT_EQ(links.size(), 3u);
  // In name order, photo2 before photo10.
  const std::string first = links[0], second = links[1], third = links[2];
  EXPECT_EQ(test::get_path(server.port(), first.substr(first.find("/media/"))).body, photo);
  EXPECT_EQ(test::get_path(server.port(), second.substr(second.find("/media/"))).body, test::jpeg("two"));
  EXPECT_EQ(test::get_path(server.port(), third.substr(third.find("/media/"))).body, test::jpeg("ten"));
}

TEST_F(FixMyStreetReports, MediaUrlOnceOrRepeatedIsKeptAndShownBack) {
  auto single = report();
  single.push_back({"media_url", "https://fms.example/photo/123.0.full.jpeg"});
  const auto one = created_id(test::post_urlencoded(server.port(), kRequestsXml, single));
  auto record = request_json(one);
  EXPECT_EQ(record.at("media_url"), "https://fms.example/photo/123.0.full.jpeg");
  EXPECT_EQ(record.at("media_urls"), json::array({"https://fms.example/photo/123.0.full.jpeg"}));

  // multi_photos: an arrayref, so the name repeats. With a stored photo
  // too, ours comes first.
  auto several = report("Another hole");
  several.push_back({"media_url", "https://fms.example/photo/124.0.full.jpeg"});
  several.push_back({"media_url", "https://fms.example/photo/124.1.full.jpeg"});
  const auto two = created_id(test::post_form_data(server.port(), kRequestsXml, several,
                                                   {{"photo1", "124.0.full.jpeg", "image/jpeg", test::jpeg("x")}}));
  record = request_json(two);
  const auto links = record.at("media_urls");
  ASSERT_EQ(links.size(), 3u);
  EXPECT_NE(links[0].get<std::string>().find("/media/"), std::string::npos);
  EXPECT_EQ(links[1], "https://fms.example/photo/124.0.full.jpeg");
  EXPECT_EQ(links[2], "https://fms.example/photo/124.1.full.jpeg");

  // In XML, media_url is a plain value FixMyStreet's GetServiceRequests reads,
  // and the list its own element.
  const auto xml = test::get_path(server.port(), "/open311/v2/requests/" + one + ".xml").body;
  EXPECT_EQ(test::fms_read(xml, "service_requests", "request", "media_url"), "https://fms.example/photo/123.0.full.jpeg");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  EXPECT_EQ(std::string(doc.select_node("/service_requests/request/media_urls/media_url").node().text().get()),
            "https://fms.example/photo/123.0.full.jpeg");
  // GET requests (the search) shows them too.
  const auto all = json::parse(test::get_path(server.port(), "/open311/v2/requests.json").body);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].at("media_url"), "https://fms.example/photo/123.0.full.jpeg");

  // Only web links, bounded; the report is refused with the reason, nothing kept.
  auto bad = report("Third");
  bad.push_back({"media_url", "javascript:alert(1)"});
  const auto refused = test::post_urlencoded(server.port(), kRequestsXml, bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(test::fms_errors(refused.body), std::vector<std::string>{std::string("400: ") + messages::kMediaUrlNotWeb});
  EXPECT_EQ(server.store().search({}).size(), 2u);
}

TEST_F(FixMyStreetReports, ARepeatedAttributeKeepsEveryValue) {
  // A multi-answer question sent as an arrayref: attribute[code] repeated, no [].
  const Params speeding = {{"api_key", fms_key},
                           {"service_code", "speeding_traffic"},
                           {"lat", "51.20"},
                           {"long", "-1.82"},
                           {"description", "Cars race past the school"},
                           {"attribute[speed_limit]", "30"},
                           {"attribute[road_type]", "village"},
                           {"attribute[speedwatch]", "yes"},
                           {"attribute[time_of_day]", "morning_rush"},
                           {"attribute[time_of_day]", "night"},
                           {"attribute[last_seen]", "2026-11-20T08:15:00Z"}};
  const auto id = created_id(test::post_urlencoded(server.port(), kRequestsXml, speeding));
  ASSERT_FALSE(id.empty());
  const auto request = request_from_json(server.store().find(id)->request_json);
  EXPECT_EQ(request.answers.at("time_of_day"), AnswerValue(std::vector<std::string>{"morning_rush", "night"}));
  EXPECT_EQ(request.answers.at("speed_limit"), AnswerValue(std::string("30"))) << "sent once: a single answer";
}

TEST_F(FixMyStreetReports, AnExtendedDescriptionAroundA4000CharacterDetailIsAccepted) {
  // _generate_service_request_description for a UK cobrand, around a detail
  // of 4,000 Welsh letters: over 24 KB urlencoded, past httplib's own 8 KB
  // cap on form bodies.
  std::string detail;
  for (int n = 0; n < 4000; ++n) detail += "\xC5\xB5";  // ŵ
  const std::string description = "title: Pothole outside number 12 on the High Street\n\ndetail: " + detail +
                                  "\n\nurl: https://fms.example/report/123456\n\nSubmitted via FixMyStreet\n";
  ASSERT_GT(description.size(), 4000u);
  const auto id = created_id(test::post_urlencoded(server.port(), kRequestsXml, report(description)));
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(server.store().find(id)->description, description) << "kept whole";
}

TEST_F(FixMyStreetReports, CreatingAReportPutsNothingInTheUpdatesFeed) {
  const auto id = created_id(test::post_urlencoded(server.port(), kRequestsXml, report()));
  ASSERT_FALSE(id.empty());
  const auto xml = test::get_path(server.port(), "/open311/v2/servicerequestupdates.xml").body;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  EXPECT_EQ(std::string(doc.document_element().name()), "service_request_updates");
  EXPECT_FALSE(doc.document_element().child("request_update")) << xml;
  EXPECT_EQ(json::parse(test::get_path(server.port(), "/open311/v2/servicerequestupdates.json").body).size(), 0u);
  // The request itself still reads sensibly.
  const auto record = request_json(id);
  EXPECT_EQ(record.at("status"), "open");
  EXPECT_EQ(record.at("status_notes"), "Your request has been received.");
}
