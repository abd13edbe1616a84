// Who made each request: the device's channel, the member of staff signed in
// on it (Authorization: Bearer on POST requests), and on the assisted
// channel whom it was reported for and how; then the reports that count them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_fixture.h"
#include "staff_http.h"
#include "central/staff_messages.h"
#include "central/staff_report_format.h"
#include "central/store/password_hash.h"
#include "support/raw_db.h"

using namespace oneservice;
using namespace oneservice::central;
using nlohmann::json;
using test::form;
namespace msg = staff_messages;

namespace {

using test::Answer;
using test::answer_of;
using test::error_texts;
using test::Fields;

constexpr const char* kSecret = test::kStaffSecret;

Fields pothole(const std::string& key, const std::string& client_id) {
  return {{"api_key", key},
          {"service_code", "pothole"},
          {"lat", "51.2"},
          {"long", "-1.82"},
          {"attribute[road_or_pavement]", "road"},
          {"attribute[pothole_size]", "about_plate"},
          {"attribute[depth_cm]", "7"},
          {"attribute[client_request_id]", client_id}};
}

Fields with(Fields fields, const Fields& more) {
  fields.insert(fields.end(), more.begin(), more.end());
  return fields;
}

std::string uuid(int n) {
  char text[40];
  std::snprintf(text, sizeof text, "3f2b8c1e-9d4a-4f6b-8e2d-%012d", n);
  return text;
}

class StaffProvenance : public ::testing::Test {
 protected:
  void SetUp() override {
    server.store().use_hash_limits(store::smallest_hash_limits(), store::smallest_hash_limits());
    tablet_key = server.store().add_key("Field tablet 3", "field", &tablet);
    desk_key = server.store().add_key("Ashcombe Library help desk", "assisted", &desk);
    server.store().add_staff("Ann Smith", StaffRole::Officer, "Highways North", kSecret);
    server.store().add_staff("Hal Evans", StaffRole::Helper, "Libraries", kSecret);
  }

  std::string token(const Device& device, const std::string& name) {
    const auto result = server.store().sign_in({device.id, device.channel, name, kSecret, ""});
    EXPECT_EQ(result.outcome, SignInOutcome::SignedIn);
    return result.token;
  }

  Answer create(const std::string& format, const Fields& fields, const std::string& bearer = {}) {
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(30);
    httplib::Headers headers;
    if (!bearer.empty()) headers.emplace("Authorization", "Bearer " + bearer);
    return answer_of(client.Post(("/open311/v2/requests." + format).c_str(), headers, form(fields),
                                 "application/x-www-form-urlencoded"));
  }

  static std::string first_error(const Answer& answer, const std::string& format) {
    const auto texts = error_texts(answer, format);
    return texts.empty() ? "(no error)" : texts.front();
  }

  // staff name, reported_for, assisted_via of the only case made from `client_id`.
  std::vector<std::string> provenance_of(const std::string& client_id) {
    test_support::RawDb raw(server.store().path());
    const auto where = " FROM cases c LEFT JOIN staff s ON s.id = c.staff_id WHERE c.client_id = '" + client_id + "'";
    return {raw.text("SELECT coalesce(s.name, '-')" + where), raw.text("SELECT c.reported_for" + where),
            raw.text("SELECT c.assisted_via" + where)};
  }

  long long cases() {
    test_support::RawDb raw(server.store().path());
    return raw.integer("SELECT count(*) FROM cases");
  }

  test::ApiServer server;
  Device tablet, desk;
  std::string tablet_key, desk_key;
};

const std::vector<std::string> kFormats = {"json", "xml"};

}  // namespace

TEST_F(StaffProvenance, AStaffSessionOnACreateRecordsTheMemberOfStaff) {
  const auto ann = token(tablet, "Ann Smith");
  ASSERT_EQ(create("json", pothole(tablet_key, uuid(1)), ann).status, 200);
  ASSERT_EQ(create("xml", pothole(tablet_key, uuid(2)), ann).status, 200);
  ASSERT_EQ(create("json", pothole(server.key(), uuid(3))).status, 200);
  EXPECT_EQ(provenance_of(uuid(1)), (std::vector<std::string>{"Ann Smith", "", ""}));
  EXPECT_EQ(provenance_of(uuid(2)), (std::vector<std::string>{"Ann Smith", "", ""}));
  EXPECT_EQ(provenance_of(uuid(3)), (std::vector<std::string>{"-", "", ""})) << "a kiosk: nobody signed in";
}

TEST_F(StaffProvenance, AReportQueuedWhileSignedInIsTheirsAfterTheSessionEnds) {
  const auto ann = token(tablet, "Ann Smith");
  ASSERT_TRUE(server.store().sign_out(ann, tablet.id));
  const auto answer = create("json", pothole(tablet_key, uuid(1)), ann);
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(provenance_of(uuid(1))[0], "Ann Smith");
}

TEST_F(StaffProvenance, ASessionThisDeviceWasNeverGivenIsRefused) {
  const auto hal = token(desk, "Hal Evans");
  for (const auto& format : kFormats) {
    SCOPED_TRACE(format);
    const auto foreign = create(format, pothole(tablet_key, uuid(1)), hal);
    EXPECT_EQ(foreign.status, 401) << foreign.body;
    EXPECT_EQ(first_error(foreign, format), msg::kUnknownStaffSession);
    const auto made_up = create(format, pothole(tablet_key, uuid(2)), std::string(64, 'a'));
    EXPECT_EQ(made_up.status, 401) << made_up.body;
  }
  EXPECT_EQ(cases(), 0) << "nothing refused was stored";
}

TEST_F(StaffProvenance, TheAssistedChannelSaysWhomAReportWasForAndHow) {
  const auto hal = token(desk, "Hal Evans");
  const auto for_resident =
      with(pothole(desk_key, uuid(1)), {{"reported_for", "resident"}, {"assisted_via", "phone"}, {"email", "r@example.com"}});
  ASSERT_EQ(create("json", for_resident, hal).status, 200);
  const auto anonymous = with(pothole(desk_key, uuid(2)), {{"reported_for", "anonymous"}, {"assisted_via", "in_person"}});
  const auto answer = create("xml", anonymous, hal);
  ASSERT_EQ(answer.status, 200) << answer.body;
  ASSERT_EQ(create("json", pothole(desk_key, uuid(3))).status, 200) << "an older device says neither";
  EXPECT_EQ(provenance_of(uuid(1)), (std::vector<std::string>{"Hal Evans", "resident", "phone"}));
  EXPECT_EQ(provenance_of(uuid(2)), (std::vector<std::string>{"Hal Evans", "anonymous", "in_person"}));
  EXPECT_EQ(provenance_of(uuid(3)), (std::vector<std::string>{"-", "", ""}));
  const auto stored = json::parse(server.store().find("2")->request_json);
  EXPECT_EQ(stored.at("reported_for"), "anonymous") << "kept in the request as received too";
}

TEST_F(StaffProvenance, ProvenanceThatDoesNotFitIsRefusedSayingWhy) {
  for (const auto& format : kFormats) {
    SCOPED_TRACE(format);
    const auto bad_value = create(format, with(pothole(desk_key, uuid(1)), {{"reported_for", "neighbour"}}));
    EXPECT_EQ(bad_value.status, 400);
    EXPECT_EQ(first_error(bad_value, format), msg::kReportedForValues);
    const auto bad_via = create(format, with(pothole(desk_key, uuid(1)), {{"assisted_via", "email"}}));
    EXPECT_EQ(bad_via.status, 400);
    EXPECT_EQ(first_error(bad_via, format), msg::kAssistedViaValues);
    const auto from_kiosk = create(format, with(pothole(server.key(), uuid(1)), {{"reported_for", "resident"}}));
    EXPECT_EQ(from_kiosk.status, 400);
    EXPECT_EQ(first_error(from_kiosk, format), msg::kProvenanceOnlyAssisted);
    const auto named_anonymous =
        create(format, with(pothole(desk_key, uuid(1)), {{"reported_for", "anonymous"}, {"phone", "01632 960001"}}));
    EXPECT_EQ(named_anonymous.status, 400);
    EXPECT_EQ(first_error(named_anonymous, format), msg::kAnonymousWithContact);
  }
  EXPECT_EQ(cases(), 0);
}

TEST_F(StaffProvenance, WhomAReportWasForIsPartOfItsContentForExactlyOnce) {
  const auto first = with(pothole(desk_key, uuid(1)), {{"reported_for", "resident"}});
  ASSERT_EQ(create("json", first).status, 200);
  const auto again = create("json", first);
  EXPECT_EQ(again.status, 200) << "the same resend is the same case";
  const auto changed = create("json", with(pothole(desk_key, uuid(1)), {{"reported_for", "anonymous"}}));
  EXPECT_EQ(changed.status, 400) << "the same id with other content is refused: " << changed.body;
  EXPECT_EQ(cases(), 1);
}

TEST_F(StaffProvenance, ReportsCountByChannelStaffAndWhomFor) {
  const auto ann = token(tablet, "Ann Smith");
  const auto hal = token(desk, "Hal Evans");
  ASSERT_EQ(create("json", pothole(tablet_key, uuid(1)), ann).status, 200);
  ASSERT_EQ(create("json", pothole(tablet_key, uuid(2)), ann).status, 200);
  ASSERT_EQ(create("json", with(pothole(desk_key, uuid(3)), {{"reported_for", "anonymous"}, {"assisted_via", "phone"}}), hal).status, 200);
  ASSERT_EQ(create("json", with(pothole(desk_key, uuid(4)), {{"reported_for", "anonymous"}, {"assisted_via", "phone"}}), hal).status, 200);
  ASSERT_EQ(create("json", with(pothole(desk_key, uuid(5)), {{"reported_for", "resident"}, {"assisted_via", "in_person"}}), hal).status, 200);
  ASSERT_EQ(create("json", pothole(server.key(), uuid(6))).status, 200);

  const auto by_staff = server.store().staff_report("2000-01-01", "month");
  ASSERT_EQ(by_staff.size(), 3u);
  std::map<std::string, std::int64_t> counts;
  for (const auto& row : by_staff) counts[row.channel + "/" + row.staff_name + "/" + row.team] = row.count;
  EXPECT_EQ(counts["field/Ann Smith/Highways North"], 2);
  EXPECT_EQ(counts["assisted/Hal Evans/Libraries"], 3);
  EXPECT_EQ(counts["kiosk//"], 1);

  const auto assisted = server.store().assisted_report("2000-01-01", "month");
  ASSERT_EQ(assisted.size(), 2u);
  EXPECT_EQ(assisted[0].reported_for, "anonymous");
  EXPECT_EQ(assisted[0].assisted_via, "phone");
  EXPECT_EQ(assisted[0].count, 2);
  EXPECT_EQ(assisted[1].reported_for, "resident");
  EXPECT_EQ(assisted[1].assisted_via, "in_person");
  EXPECT_EQ(assisted[1].count, 1);

  const auto csv = format_staff_report(by_staff, "csv");
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")), "period,channel,staff,team,count");
  EXPECT_NE(csv.find(",field,Ann Smith,Highways North,2\r\n"), std::string::npos) << csv;
  const auto listed = json::parse(format_assisted_report(assisted, "json"));
  EXPECT_EQ(listed.at(0).at("reported_for"), "anonymous");
  EXPECT_EQ(listed.at(0).at("count"), 2);
  EXPECT_EQ(format_assisted_report({}, "csv"), "period,reported_for,assisted_via,count\r\n");
}
