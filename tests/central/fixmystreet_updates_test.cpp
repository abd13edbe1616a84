// POST servicerequestupdates exactly as FixMyStreet's client sends it
// (Open311.pm post_service_request_update and
// _populate_service_request_update_params), answered the way its
// _get_xml_object reads it, over loopback HTTP.
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "api_fixture.h"
#include "central/intake/messages.h"
#include "fixmystreet_wire.h"

using namespace oneservice;
using namespace oneservice::central;
using nlohmann::json;
using test::Params;

namespace {

constexpr const char* kUpdatesXml = "/open311/v2/servicerequestupdates.xml";
constexpr const char* kUpdatesJson = "/open311/v2/servicerequestupdates.json";

class FixMyStreetUpdates : public ::testing::Test {
 protected:
  void SetUp() override {
    fms_key = server.store().add_key("FixMyStreet", "web");
    const auto created = test::post_urlencoded(
        server.port(), "/open311/v2/requests.xml",
        {{"api_key", server.key()}, {"service_code", "pothole"}, {"lat", "51.2"}, {"long", "-1.82"},
         {"description", "Deep hole by the bus stop"}, {"attribute[road_or_pavement]", "road"},
         {"attribute[pothole_size]", "about_plate"}, {"attribute[depth_cm]", "7"}});
    ASSERT_EQ(created.status, 200) << created.body;
    id = test::fms_read(created.body, "service_requests", "request", "service_request_id");
    ASSERT_FALSE(id.empty()) << created.body;
  }

  // A resident's comment, field for field as _populate_service_request_update_params
  // and _request build it (jurisdiction_id and api_key added by _request).
  Params comment(const std::string& update_id, const std::string& status = "INVESTIGATING",
                 const std::string& text = "Still there this morning, now deeper.") const {
    return {{"jurisdiction_id", "wealdshire"},
            {"api_key", fms_key},
            {"updated_datetime", "2026-11-22T14:05:00+01:00"},
            {"service_request_id", id},
            {"status", status},
            {"description", text},
            {"last_name", "Example"},
            {"first_name", "Ann"},
            {"email", "ann.example@example.org"},
            {"phone", "07700 900461"},
            {"update_id", update_id},
            {"service_code", "pothole"},
            {"title", "MS"},
            {"email_alerts_requested", "FALSE"},
            {"attribute[external_status_code]", "x1"}};
  }

  test::ApiServer server;
  std::string fms_key;
  std::string id;
};

}  // namespace

TEST_F(FixMyStreetUpdates, AResidentsCommentIsStoredAndAnsweredAsFixMyStreetReadsIt) {
  const auto answer = test::post_urlencoded(server.port(), kUpdatesXml, comment("456"));
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto update_id = test::fms_read(answer.body, "service_request_updates", "request_update", "update_id");
  ASSERT_FALSE(update_id.empty()) << answer.body;

  const auto feed = json::parse(test::get_path(server.port(), kUpdatesJson).body);
  ASSERT_EQ(feed.size(), 1u);
  EXPECT_EQ(feed[0].at("update_id"), update_id);
  EXPECT_EQ(feed[0].at("service_request_id"), id);
  EXPECT_EQ(feed[0].at("status"), "INVESTIGATING");
  EXPECT_EQ(feed[0].at("description"), "Still there this morning, now deeper.");
  const auto record = server.store().find(id);
  EXPECT_EQ(record->status, CaseStatus::Investigating);
  EXPECT_EQ(record->status_notes, "Still there this morning, now deeper.");

  // Name, email and phone are kept privately on the update, never shown.
  const auto history = server.store().history(id);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].author_name, "Ann Example");
  EXPECT_EQ(history[0].author_email, "ann.example@example.org");
  EXPECT_EQ(history[0].client_update_id, "456");
  EXPECT_EQ(history[0].sent_at, "2026-11-22T13:05:00Z") << "the sender's W3CDTF time, in UTC";
  for (const auto* path : {"/open311/v2/servicerequestupdates.json", "/open311/v2/servicerequestupdates.xml",
                           "/open311/v2/requests.json", "/open311/v2/requests.xml"}) {
    const auto body = test::get_path(server.port(), path).body;
    for (const auto* secret : {"ann.example@example.org", "Example", "07700 900461", "07700+900461"})
      EXPECT_EQ(body.find(secret), std::string::npos) << path << " shows " << secret;
  }
  const auto one = test::get_path(server.port(), "/open311/v2/requests/" + id + ".json").body;
  EXPECT_EQ(one.find("ann.example"), std::string::npos);
}

TEST_F(FixMyStreetUpdates, TheSameUpdateIdIsOneUpdateAndAnotherBodyIsRefused) {
  const auto first = test::post_urlencoded(server.port(), kUpdatesXml, comment("457"));
  ASSERT_EQ(first.status, 200) << first.body;
  const auto again = test::post_urlencoded(server.port(), kUpdatesXml, comment("457"));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(test::fms_read(again.body, "service_request_updates", "request_update", "update_id"),
            test::fms_read(first.body, "service_request_updates", "request_update", "update_id"));
  EXPECT_EQ(server.store().updates({}).size(), 1u);

  for (const auto* format : {"xml", "json"}) {
    const auto other = test::post_urlencoded(server.port(), std::string("/open311/v2/servicerequestupdates.") + format,
                                             comment("457", "INVESTIGATING", "Different words"));
    EXPECT_EQ(other.status, 400) << other.body;
    EXPECT_NE(other.body.find(messages::kUpdateIdReused), std::string::npos) << other.body;
  }
  EXPECT_EQ(server.store().updates({}).size(), 1u);
  // The same update_id from another key is that sender's own.
  auto theirs = comment("457");
  theirs[1].second = server.key();
  EXPECT_EQ(test::post_urlencoded(server.port(), kUpdatesXml, theirs).status, 200);
  EXPECT_EQ(server.store().updates({}).size(), 2u);
}

TEST_F(FixMyStreetUpdates, ConcurrentResendsMakeOneUpdate) {
  constexpr int kSenders = 12;
  std::vector<test::WireAnswer> answers(kSenders);
  std::atomic<int> ready{0};
  std::vector<std::thread> senders;
  const auto params = comment("900");
  for (int n = 0; n < kSenders; ++n)
    senders.emplace_back([&, n] {
      ++ready;
      while (ready.load() < kSenders) std::this_thread::yield();
      answers[static_cast<std::size_t>(n)] = test::post_urlencoded(server.port(), kUpdatesXml, params);
    });
  for (auto& sender : senders) sender.join();
  std::set<std::string> ids;
  for (const auto& answer : answers) {
    EXPECT_EQ(answer.status, 200) << answer.body;
    ids.insert(test::fms_read(answer.body, "service_request_updates", "request_update", "update_id"));
  }
  EXPECT_EQ(ids.size(), 1u);
  EXPECT_FALSE(ids.begin()->empty());
  EXPECT_EQ(server.store().updates({}).size(), 1u);
  EXPECT_EQ(server.store().find(id)->version, 2);
}

TEST_F(FixMyStreetUpdates, EveryStatusFixMyStreetSendsIsTakenIncludingReopen) {
  int n = 0;
  for (const auto* status : {"INVESTIGATING", "IN_PROGRESS", "ACTION_SCHEDULED", "FIXED", "REOPEN", "DUPLICATE",
                             "NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION", "INTERNAL_REFERRAL", "FOR_TRIAGE",
                             "CANCELLED", "OPEN", "CLOSED"}) {
    const auto answer = test::post_urlencoded(server.port(), kUpdatesJson, comment(std::to_string(++n), status));
    ASSERT_EQ(answer.status, 200) << status << ": " << answer.body;
    EXPECT_EQ(std::string(to_string(server.store().find(id)->status)), status);
  }
  // Plain Open311's OPEN on a case that is open says nothing new: a note,
  // and the case keeps its finer status. The same for CLOSED on a closed case.
  ASSERT_EQ(test::post_urlencoded(server.port(), kUpdatesJson, comment("a", "FIXED")).status, 200);
  ASSERT_EQ(test::post_urlencoded(server.port(), kUpdatesJson, comment("b", "CLOSED", "Thanks")).status, 200);
  EXPECT_EQ(server.store().find(id)->status, CaseStatus::Fixed);
  EXPECT_EQ(server.store().find(id)->status_notes, "Thanks");
  ASSERT_EQ(test::post_urlencoded(server.port(), kUpdatesJson, comment("c", "IN_PROGRESS")).status, 200);
  ASSERT_EQ(test::post_urlencoded(server.port(), kUpdatesJson, comment("d", "OPEN", "Any news?")).status, 200);
  EXPECT_EQ(server.store().find(id)->status, CaseStatus::InProgress);
}

TEST_F(FixMyStreetUpdates, LinksWithMultiPhotosAndUploadedPhotosTravelWithTheUpdate) {
  // multi_photos: media_url is an arrayref, sent as the name repeated.
  auto params = comment("600");
  params.push_back({"media_url", "https://fms.example/photo/c/600.0.full.jpeg"});
  params.push_back({"media_url", "https://fms.example/photo/c/600.1.full.jpeg"});
  ASSERT_EQ(test::post_urlencoded(server.port(), kUpdatesXml, params).status, 200);
  auto feed = json::parse(test::get_path(server.port(), kUpdatesJson).body);
  ASSERT_EQ(feed.size(), 1u);
  EXPECT_EQ(feed[0].at("media_url"), "https://fms.example/photo/c/600.0.full.jpeg");
  EXPECT_EQ(server.store().history(id).at(0).media_urls.size(), 2u);

  // upload_files_for_updates on a private report: photo1 as a file, and
  // _add_photos_to_upload deletes media_url.
  const auto photo = test::jpeg("comment photo");
  const auto answer = test::post_form_data(server.port(), kUpdatesXml, comment("601"),
                                           {{"photo1", "601.0.full.jpeg", "image/jpeg", photo}});
  ASSERT_EQ(answer.status, 200) << answer.body;
  feed = json::parse(test::get_path(server.port(), kUpdatesJson).body);
  ASSERT_EQ(feed.size(), 2u);
  const std::string link = feed[1].at("media_url");
  ASSERT_NE(link.find("/media/"), std::string::npos) << link;
  EXPECT_EQ(test::get_path(server.port(), link.substr(link.find("/media/"))).body, photo);
}

TEST_F(FixMyStreetUpdates, EveryErrorIsInOpen311sListFormInBothFormats) {
  struct Case {
    const char* what;
    Params params;
    int status;
    std::string message;
  };
  auto no_key = comment("1");
  no_key[1].second = "";
  auto bad_key = comment("1");
  bad_key[1].second = "not-a-key";
  auto unknown = comment("1");
  unknown[3].second = "424242";
  auto no_id = comment("1");
  no_id[3].second = "";
  auto no_status = comment("1", "");
  auto bad_status = comment("1", "SORTED");
  auto bad_time = comment("1");
  bad_time[2].second = "yesterday";
  auto bad_link = comment("1");
  bad_link.push_back({"media_url", "file:///etc/passwd"});
  auto long_link = comment("1");
  long_link.push_back({"media_url", "https://fms.example/" + std::string(2100, 'a')});
  auto many_links = comment("1");
  for (int n = 0; n < 11; ++n) many_links.push_back({"media_url", "https://fms.example/" + std::to_string(n)});
  auto long_text = comment("1", "INVESTIGATING", std::string(20001, 'a'));
  auto not_utf8 = comment("1", "INVESTIGATING", "caf\xC3\x28");
  const std::vector<Case> cases = {
      {"no key", no_key, 403, messages::kBadKey},
      {"unknown key", bad_key, 403, messages::kBadKey},
      {"unknown request", unknown, 404, messages::kUpdateUnknownRequest},
      {"no request id", no_id, 400, messages::kUpdateNeedsRequestId},
      {"no status", no_status, 400, messages::kUpdateNeedsStatus},
      {"unknown status", bad_status, 400, messages::kUpdateBadStatus},
      {"bad time", bad_time, 400, messages::kUpdateBadTime},
      {"not a web link", bad_link, 400, messages::kMediaUrlNotWeb},
      {"long link", long_link, 400, messages::kMediaUrlTooLong},
      {"many links", many_links, 400, messages::kTooManyMediaUrls},
      {"long text", long_text, 400, messages::kUpdateNoteTooLong},
      {"not UTF-8", not_utf8, 400, "The request holds text that is not UTF-8: send all text as UTF-8"},
  };
  for (const auto& c : cases) {
    const auto xml = test::post_urlencoded(server.port(), kUpdatesXml, c.params);
    EXPECT_EQ(xml.status, c.status) << c.what << ": " << xml.body;
    EXPECT_EQ(test::fms_errors(xml.body), std::vector<std::string>{std::to_string(c.status) + ": " + c.message})
        << c.what;
    const auto js = test::post_urlencoded(server.port(), kUpdatesJson, c.params);
    EXPECT_EQ(js.status, c.status) << c.what;
    const auto errors = json::parse(js.body, nullptr, false);
    ASSERT_TRUE(errors.is_array() && errors.size() == 1) << c.what << ": " << js.body;
    EXPECT_EQ(errors[0].at("code"), c.status) << c.what;
    EXPECT_EQ(errors[0].at("description"), c.message) << c.what;
  }
  // A photo part that is an image too large, and one past the count.
  const auto big = test::jpeg(std::string(5 * 1024 * 1024, 'x'));
  const auto too_big = test::post_form_data(server.port(), kUpdatesXml, comment("1"), {{"photo1", "1.0.full.jpeg", "image/jpeg", big}});
  EXPECT_EQ(too_big.status, 400);
  EXPECT_EQ(test::fms_errors(too_big.body), std::vector<std::string>{"400: Each photo must be 5 MB or smaller"});
  std::vector<test::Upload> six;
  for (int n = 1; n <= 6; ++n) six.push_back({"photo" + std::to_string(n), "1." + std::to_string(n) + ".full.jpeg", "image/jpeg", test::jpeg(std::to_string(n))});
  const auto too_many = test::post_form_data(server.port(), kUpdatesJson, comment("1"), six);
  EXPECT_EQ(too_many.status, 400);
  EXPECT_TRUE(server.store().history(id).empty()) << "nothing was stored";
  EXPECT_EQ(server.store().find(id)->status, CaseStatus::Open);
}
