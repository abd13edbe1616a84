// Field officers' jobs over loopback HTTP, in JSON and XML: a manager's
// assignment reaching the officer's device with everything needed to work
// on it (answers, photos as thumbnails, history, private notes, version),
// reassignment, unassignment and closing as removals, officers' updates
// exactly once and flagged when stale, and every way in refused.
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <thread>

#include "api_fixture.h"
#include "central/job_messages.h"
#include "central/staff_messages.h"
#include "jobs_support.h"
#include "jpeg_sample.h"
#include "staff_http.h"
#include "support.h"

using namespace oneservice;
using namespace oneservice::central;
using nlohmann::json;
using test::form;
namespace msg = job_messages;

namespace {

using test::Answer;
using test::answer_of;
using test::Fields;

// The first error's text of an Open311 error list in either format, each
// error checked to carry the HTTP status (staff_http.h).
std::string first_error(const Answer& answer) {
  const auto texts = test::error_texts(answer, answer.body.rfind("<?xml", 0) == 0 ? "xml" : "json");
  return texts.empty() ? "no error in: " + answer.body : texts.front();
}

class JobsApi : public ::testing::Test {
 protected:
  JobsApi() {
    test::use_cheap_hashes(store());
    ann = test::add_member(store(), "Ann Officer", StaffRole::Officer);
    bob = test::add_member(store(), "Bob Officer", StaffRole::Officer);
    test::add_member(store(), "Meg Manager", StaffRole::Manager);
    test::add_member(store(), "Hal Helper", StaffRole::Helper);
    ann_tablet = store().add_key("Ann's tablet", "field");
    bob_tablet = store().add_key("Bob's tablet", "field");
    office = store().add_key("Highways office", "web");
    ann_token = sign_in(ann_tablet, "Ann Officer");
    bob_token = sign_in(bob_tablet, "Bob Officer");
    meg_token = sign_in(office, "Meg Manager");
  }

  CaseStore& store() { return server.store(); }

  httplib::Client client() {
    httplib::Client c("127.0.0.1", server.port());
    c.set_read_timeout(30);
    return c;
  }

  std::string sign_in(const std::string& key, const std::string& name) {
    const auto answer = answer_of(client().Post(
        "/open311/v2/staff/sessions.json", form({{"api_key", key}, {"name", name}, {"secret", test::kTestSecret}}),
        "application/x-www-form-urlencoded"));
    if (answer.status != 200) throw std::runtime_error("sign-in failed: " + answer.body);
    return json::parse(answer.body).at(0).at("token").get<std::string>();
  }

  static httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

  Answer jobs(const std::string& key, const std::string& token, const std::string& since = "",
              const std::string& format = "json", const std::string& extra = "") {
    std::string path = "/open311/v2/staff/jobs." + format + "?api_key=" + key;
    if (!since.empty()) path += "&since=" + since;
    return answer_of(client().Get((path + extra).c_str(), bearer(token)));
  }

  json jobs_json(const std::string& key, const std::string& token, const std::string& since = "") {
    const auto answer = jobs(key, token, since);
    EXPECT_EQ(answer.status, 200) << answer.body;
    return json::parse(answer.body);
  }

  Answer assign(const std::string& id, const std::string& officer, const std::string& format = "json",
                const std::string& token = "", const std::string& key = "") {
    return answer_of(client().Post(("/open311/v2/staff/assignments." + format).c_str(),
                                   bearer(token.empty() ? meg_token : token),
                                   form({{"api_key", key.empty() ? office : key},
                                         {"service_request_id", id},
                                         {"officer", officer}}),
                                   "application/x-www-form-urlencoded"));
  }

  Answer unassign(const std::string& id, const std::string& format = "json") {
    return answer_of(client().Delete(
        ("/open311/v2/staff/assignments/" + id + "." + format + "?api_key=" + office).c_str(), bearer(meg_token)));
  }

  // A case made as a kiosk makes one, with answers and a real photo.
  std::string create_with_photo(const std::string& photo) {
    httplib::MultipartFormDataItems items;
    for (const auto& [name, value] : Fields{{"api_key", server.key()},
                                            {"service_code", "pothole"},
                                            {"lat", "51.2"},
                                            {"long", "-1.82"},
                                            {"address_string", "Outside 12 High Street"},
                                            {"description", "Deep hole by the bus stop"},
                                            {"attribute[road_or_pavement]", "road"},
                                            {"attribute[pothole_size]", "about_plate"},
                                            {"attribute[depth_cm]", "7"}})
      items.push_back({name, value, "", ""});
    items.push_back({"media", photo, "hole.jpg", "image/jpeg"});
    const auto answer = answer_of(client().Post("/open311/v2/requests.json", items));
    if (answer.status != 200) throw std::runtime_error("create failed: " + answer.body);
    return json::parse(answer.body).at(0).at("service_request_id").get<std::string>();
  }

  std::string create() { return store().create(test::sample_case(test::client_id_for(++made))).service_request_id; }

  Answer officer_update(const std::string& token, const std::string& key, const Fields& fields,
                        const std::string& format = "json") {
    Fields all{{"api_key", key}};
    all.insert(all.end(), fields.begin(), fields.end());
    return answer_of(client().Post(("/open311/v2/servicerequestupdates." + format).c_str(), bearer(token),
                                   form(all), "application/x-www-form-urlencoded"));
  }

  std::int64_t version_of(const std::string& id) { return store().find(id)->version; }

  test::ApiServer server;
  StaffMember ann, bob;
  std::string ann_tablet, bob_tablet, office;
  std::string ann_token, bob_token, meg_token;
  int made = 0;
};

std::string path_of(const std::string& url) { return url.substr(url.find("/media/")); }

}  // namespace

TEST_F(JobsApi, AnAssignmentReachesTheOfficersDeviceWithEverythingToWorkOnIt) {
  const auto photo = test::sample_jpeg(2000, 1500);
  const auto id = create_with_photo(photo);
  const auto first = jobs_json(ann_tablet, ann_token);
  EXPECT_TRUE(first.at("jobs").empty());
  EXPECT_TRUE(first.at("full").get<bool>());

  const auto assigned = assign(id, "Ann Officer");
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  const auto assignment = json::parse(assigned.body);
  EXPECT_EQ(assignment.at("officer"), "Ann Officer");
  EXPECT_EQ(assignment.at("version"), 2);
  EXPECT_TRUE(assignment.at("changed").get<bool>());

  // Nothing was ever assigned before: the cursor was 0, so this is still
  // the whole list.
  const auto page = jobs_json(ann_tablet, ann_token, first.at("cursor"));
  EXPECT_FALSE(page.at("more").get<bool>());
  EXPECT_TRUE(page.at("removals").empty());
  ASSERT_EQ(page.at("jobs").size(), 1u);
  const auto& job = page.at("jobs").at(0);
  EXPECT_EQ(job.at("service_request_id"), id);
  EXPECT_EQ(job.at("version"), 2);
  EXPECT_EQ(job.at("status"), "OPEN");
  EXPECT_EQ(job.at("service_code"), "pothole");
  EXPECT_EQ(job.at("description"), "Deep hole by the bus stop");
  EXPECT_EQ(job.at("address"), "Outside 12 High Street");
  EXPECT_DOUBLE_EQ(job.at("lat").get<double>(), 51.2);
  EXPECT_DOUBLE_EQ(job.at("long").get<double>(), -1.82);
  EXPECT_EQ(job.at("assigned_at"), assignment.at("assigned_at"));

  bool size_seen = false;
  for (const auto& answer : job.at("answers")) {
    if (answer.at("code") != "pothole_size") continue;
    size_seen = true;
    EXPECT_EQ(answer.at("question"), "How big is the pothole?");
    EXPECT_EQ(answer.at("values").at(0).at("key"), "about_plate");
    EXPECT_EQ(answer.at("values").at(0).at("name"), "About the size of a dinner plate");
  }
  EXPECT_TRUE(size_seen) << job.at("answers").dump();

  // Photos: a thumbnail link for the list, the full photo on request.
  ASSERT_EQ(job.at("photos").size(), 1u);
  const auto& listed = job.at("photos").at(0);
  auto c = client();
  const auto thumb = answer_of(c.Get(path_of(listed.at("thumbnail_url")).c_str()));
  ASSERT_EQ(thumb.status, 200);
  EXPECT_EQ(thumb.header("Content-Type"), "image/jpeg");
  const auto size = test::decoded_size(thumb.body);
  ASSERT_TRUE(size);
  EXPECT_EQ(size->width, 320);
  EXPECT_LT(thumb.body.size() * 10, photo.size());
  EXPECT_EQ(answer_of(c.Get(path_of(listed.at("url")).c_str())).body, photo);

  // Asked again with the new cursor: nothing twice.
  const auto again = jobs_json(ann_tablet, ann_token, page.at("cursor"));
  EXPECT_FALSE(again.at("full").get<bool>());
  EXPECT_TRUE(again.at("jobs").empty());
  EXPECT_EQ(again.at("cursor"), page.at("cursor"));
  EXPECT_TRUE(jobs_json(bob_tablet, bob_token).at("jobs").empty()) << "nobody else gets it";
}

TEST_F(JobsApi, TheFeedAndAssignmentsInXml) {
  const auto id = create();
  const auto assigned = assign(id, "Ann Officer", "xml");
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  pugi::xml_document assignment;
  ASSERT_TRUE(assignment.load_string(assigned.body.c_str())) << assigned.body;
  EXPECT_STREQ(assignment.select_node("/assignment/officer").node().text().get(), "Ann Officer");

  const auto answer = jobs(ann_tablet, ann_token, "", "xml");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.header("Content-Type"), "text/xml; charset=utf-8");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(answer.body.c_str())) << answer.body;
  EXPECT_STREQ(doc.select_node("/staff_jobs/jobs/job/service_request_id").node().text().get(), id.c_str());
  EXPECT_STREQ(doc.select_node("/staff_jobs/jobs/job/version").node().text().get(), "2");
  EXPECT_STREQ(doc.select_node("/staff_jobs/full").node().text().get(), "true");
  EXPECT_FALSE(doc.select_node("/staff_jobs/jobs/job/answers/answer/values/value/key").node().empty());
  EXPECT_FALSE(doc.select_node("/staff_jobs/jobs/job/photos/photo/thumbnail_url").node().empty());
  const std::string cursor = doc.select_node("/staff_jobs/cursor").node().text().get();

  ASSERT_EQ(assign(id, "Bob Officer", "xml").status, 200);
  const auto moved = jobs(ann_tablet, ann_token, cursor, "xml");
  pugi::xml_document removal;
  ASSERT_TRUE(removal.load_string(moved.body.c_str())) << moved.body;
  EXPECT_STREQ(removal.select_node("/staff_jobs/removals/removal/service_request_id").node().text().get(), id.c_str());
  EXPECT_STREQ(removal.select_node("/staff_jobs/removals/removal/reason").node().text().get(), "reassigned");
  EXPECT_TRUE(removal.select_node("/staff_jobs/jobs/job").node().empty());
}

TEST_F(JobsApi, ReassignedUnassignedAndClosedCasesLeaveTheDevice) {
  const auto moved = create();
  const auto taken = create();
  const auto closed = create();
  for (const auto& id : {moved, taken, closed}) ASSERT_EQ(assign(id, "Ann Officer").status, 200);
  const auto start = jobs_json(ann_tablet, ann_token);
  EXPECT_EQ(start.at("jobs").size(), 3u);
  const auto bob_start = jobs_json(bob_tablet, bob_token);

  ASSERT_EQ(assign(moved, "Bob Officer").status, 200);
  const auto unassigned = unassign(taken);
  ASSERT_EQ(unassigned.status, 200) << unassigned.body;
  EXPECT_TRUE(json::parse(unassigned.body).at("changed").get<bool>());
  EXPECT_EQ(json::parse(unassigned.body).at("version"), 3);
  NewUpdate fixed;
  fixed.service_request_id = closed;
  fixed.status = CaseStatus::Fixed;
  fixed.public_note = "Filled by the day team.";
  ASSERT_EQ(store().add_update(fixed).outcome, UpdateOutcome::Added);

  const auto ann_page = jobs_json(ann_tablet, ann_token, start.at("cursor"));
  EXPECT_TRUE(ann_page.at("jobs").empty());
  std::map<std::string, std::string> reasons;
  for (const auto& removal : ann_page.at("removals")) reasons[removal.at("service_request_id")] = removal.at("reason");
  EXPECT_EQ(reasons, (std::map<std::string, std::string>{{moved, "reassigned"}, {taken, "unassigned"}, {closed, "closed"}}));

  const auto bob_page = jobs_json(bob_tablet, bob_token, bob_start.at("cursor"));
  ASSERT_EQ(bob_page.at("jobs").size(), 1u);
  EXPECT_EQ(bob_page.at("jobs").at(0).at("service_request_id"), moved);

  // Unassigning again changes nothing and says so.
  const auto again = unassign(taken);
  ASSERT_EQ(again.status, 200);
  EXPECT_FALSE(json::parse(again.body).at("changed").get<bool>());
  EXPECT_TRUE(jobs_json(ann_tablet, ann_token, ann_page.at("cursor")).at("removals").empty());
}

TEST_F(JobsApi, AnOfficersUpdateIsStoredOnceUnderConcurrentDuplicates) {
  const auto id = create();
  ASSERT_EQ(assign(id, "Ann Officer").status, 200);
  const auto version = version_of(id);
  const Fields update{{"service_request_id", id},
                      {"update_id", "0f8fad5b-d9cb-469f-a165-70867728950e"},
                      {"status", "IN_PROGRESS"},
                      {"description", "Made safe with a cone."},
                      {"private_note", "Resident at no. 12 was helpful."},
                      {"base_version", std::to_string(version)},
                      {"updated_datetime", "2026-11-22T10:15:00+00:00"}};
  std::vector<Answer> answers(8);
  std::vector<std::thread> senders;
  for (auto& answer : answers)
    senders.emplace_back([&, slot = &answer] { *slot = officer_update(ann_token, ann_tablet, update); });
  for (auto& sender : senders) sender.join();
  std::set<std::string> update_ids;
  for (const auto& answer : answers) {
    ASSERT_EQ(answer.status, 200) << answer.body;
    const auto item = json::parse(answer.body).at(0);
    update_ids.insert(item.at("update_id"));
    EXPECT_TRUE(item.at("applied").get<bool>());
    EXPECT_EQ(item.at("version"), version + 1) << "the base for the device's next update";
  }
  EXPECT_EQ(update_ids.size(), 1u) << "one update, whatever the resends";
  EXPECT_EQ(version_of(id), version + 1);
  const auto history = store().history(id);
  int officers = 0;
  for (const auto& entry : history)
    if (entry.client_update_id == "0f8fad5b-d9cb-469f-a165-70867728950e") {
      ++officers;
      EXPECT_EQ(entry.staff_id, ann.id);
      EXPECT_EQ(entry.private_note, "Resident at no. 12 was helpful.");
      EXPECT_EQ(entry.sent_at, "2026-11-22T10:15:00Z");
    }
  EXPECT_EQ(officers, 1);

  // The job shows it with its author and private note; the public never sees the note.
  const auto job = jobs_json(ann_tablet, ann_token).at("jobs").at(0);
  EXPECT_EQ(job.at("status"), "IN_PROGRESS");
  const auto& last = job.at("updates").back();
  EXPECT_EQ(last.at("private_note"), "Resident at no. 12 was helpful.");
  EXPECT_EQ(last.at("staff"), "Ann Officer");
  EXPECT_EQ(last.at("version"), version + 1);
  auto c = client();
  for (const auto* path : {"/open311/v2/servicerequestupdates.json", "/open311/v2/servicerequestupdates.xml"}) {
    const auto feed = answer_of(c.Get(path));
    EXPECT_EQ(feed.body.find("Resident at no. 12"), std::string::npos) << path;
    EXPECT_NE(feed.body.find("Made safe with a cone."), std::string::npos) << path;
  }
  EXPECT_EQ(answer_of(c.Get(("/open311/v2/requests/" + id + ".json").c_str())).body.find("Resident at no. 12"),
            std::string::npos);

  // The same update id with other content is refused, and nothing is stored.
  auto changed = update;
  changed[3].second = "Something else.";
  EXPECT_EQ(officer_update(ann_token, ann_tablet, changed).status, 400);
  EXPECT_EQ(store().history(id).size(), history.size());
}

TEST_F(JobsApi, AStaleUpdateIsKeptAndFlaggedForAManager) {
  const auto id = create();
  ASSERT_EQ(assign(id, "Ann Officer").status, 200);
  const auto started_from = version_of(id);
  // The office moves the case while the officer works offline.
  NewUpdate office_update;
  office_update.service_request_id = id;
  office_update.status = CaseStatus::ActionScheduled;
  office_update.public_note = "A repair is booked for Tuesday.";
  ASSERT_EQ(store().add_update(office_update).outcome, UpdateOutcome::Added);

  const auto answer = officer_update(ann_token, ann_tablet,
                                     {{"service_request_id", id},
                                      {"update_id", "7c9e6679-7425-40de-944b-e07fc1f90ae7"},
                                      {"status", "FIXED"},
                                      {"description", "Filled."},
                                      {"private_note", "Two bags of cold lay."},
                                      {"base_version", std::to_string(started_from)}},
                                     "xml");
  ASSERT_EQ(answer.status, 200) << answer.body;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(answer.body.c_str()));
  EXPECT_STREQ(doc.select_node("//request_update/needs_review").node().text().get(), "true");
  EXPECT_STREQ(doc.select_node("//request_update/applied").node().text().get(), "false");
  const auto record = store().find(id);
  EXPECT_EQ(record->status, CaseStatus::ActionScheduled) << "never silently overwritten";
  EXPECT_TRUE(record->needs_review);
  const auto history = store().history(id);
  ASSERT_FALSE(history.empty());
  EXPECT_FALSE(history.back().applied);
  EXPECT_EQ(history.back().private_note, "Two bags of cold lay.") << "kept, never lost";

  // A manager sees it, with whose job it is, and clears it.
  auto c = client();
  const auto flags_path = "/open311/v2/staff/flags.json?api_key=" + office;
  const auto flags = answer_of(c.Get(flags_path.c_str(), bearer(meg_token)));
  ASSERT_EQ(flags.status, 200) << flags.body;
  const auto list = json::parse(flags.body);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list.at(0).at("service_request_id"), id);
  EXPECT_EQ(list.at(0).at("officer"), "Ann Officer");
  EXPECT_FALSE(list.at(0).at("review_reason").get<std::string>().empty());
  EXPECT_EQ(answer_of(c.Get(("/open311/v2/staff/flags.json?api_key=" + ann_tablet).c_str(), bearer(ann_token))).status,
            403)
      << "officers cannot";
  const auto clear_path = "/open311/v2/staff/flags/" + id + ".json?api_key=" + office;
  EXPECT_EQ(answer_of(c.Delete(clear_path.c_str(), bearer(meg_token))).status, 200);
  EXPECT_TRUE(json::parse(answer_of(c.Get(flags_path.c_str(), bearer(meg_token))).body).empty());
  const auto again = answer_of(c.Delete(clear_path.c_str(), bearer(meg_token)));
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(first_error(again), msg::kNotFlagged);
  const auto unknown = answer_of(c.Delete(("/open311/v2/staff/flags/999.xml?api_key=" + office).c_str(), bearer(meg_token)));
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(first_error(unknown), msg::kNoSuchCase);
}

TEST_F(JobsApi, AnOfficersNextUpdateFromTheAnsweredVersionIsApplied) {
  const auto id = create();
  ASSERT_EQ(assign(id, "Ann Officer").status, 200);
  const auto first = officer_update(ann_token, ann_tablet,
                                    {{"service_request_id", id},
                                     {"update_id", "d2a1b1f4-1c4e-4c5b-9f1a-2f7d8e9a0b11"},
                                     {"status", "IN_PROGRESS"},
                                     {"description", "On site."},
                                     {"base_version", std::to_string(version_of(id))}});
  ASSERT_EQ(first.status, 200) << first.body;
  const auto next_base = json::parse(first.body).at(0).at("version").get<std::int64_t>();
  const auto second = officer_update(ann_token, ann_tablet,
                                     {{"service_request_id", id},
                                      {"update_id", "d2a1b1f4-1c4e-4c5b-9f1a-2f7d8e9a0b12"},
                                      {"status", "FIXED"},
                                      {"description", "Filled."},
                                      {"base_version", std::to_string(next_base)}});
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_TRUE(json::parse(second.body).at(0).at("applied").get<bool>());
  EXPECT_FALSE(store().find(id)->needs_review);
  EXPECT_EQ(store().find(id)->status, CaseStatus::Fixed);
}

TEST_F(JobsApi, StaffFieldsNeedALiveSession) {
  const auto id = create();
  // Without a session, private_note and base_version are never read.
  const auto plain = answer_of(client().Post(
      "/open311/v2/servicerequestupdates.json",
      form({{"api_key", ann_tablet}, {"service_request_id", id}, {"update_id", "fms-1"}, {"status", "OPEN"},
            {"description", "A resident's comment."}, {"private_note", "not staff"}, {"base_version", "1"}}),
      "application/x-www-form-urlencoded"));
  ASSERT_EQ(plain.status, 200) << plain.body;
  EXPECT_FALSE(json::parse(plain.body).at(0).contains("version"));
  EXPECT_EQ(store().history(id).back().private_note, "");
  EXPECT_EQ(store().history(id).back().staff_id, 0);

  // A session that has ended is refused outright: the private note is not
  // quietly dropped.
  const auto before = store().history(id).size();
  ASSERT_TRUE(store().disable_staff("Ann Officer"));
  const auto refused = officer_update(ann_token, ann_tablet,
                                      {{"service_request_id", id}, {"update_id", "u-2"}, {"status", "FIXED"},
                                       {"private_note", "secret"}});
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(first_error(refused), staff_messages::kSessionEnded);
  EXPECT_EQ(store().history(id).size(), before);
  // A session on another device's key is refused too.
  EXPECT_EQ(officer_update(bob_token, ann_tablet, {{"service_request_id", id}, {"status", "FIXED"}}).status, 401);
}

TEST_F(JobsApi, EveryRefusalOfTheJobsFeed) {
  const auto id = create();
  ASSERT_EQ(assign(id, "Ann Officer").status, 200);
  auto c = client();
  for (const std::string format : {"json", "xml"}) {
    const auto path = "/open311/v2/staff/jobs." + format + "?api_key=" + ann_tablet;
    const auto no_session = answer_of(c.Get(path.c_str()));
    EXPECT_EQ(no_session.status, 401);
    EXPECT_EQ(first_error(no_session), staff_messages::kNotSignedIn);
    EXPECT_EQ(answer_of(c.Get(path.c_str(), bearer("not-a-session"))).status, 401);
    EXPECT_EQ(answer_of(c.Get(("/open311/v2/staff/jobs." + format).c_str(), bearer(ann_token))).status, 403)
        << "no device key";
    const auto manager = jobs(office, meg_token, "", format);
    EXPECT_EQ(manager.status, 403);
    EXPECT_EQ(first_error(manager), staff_messages::kRoleNotAllowed);
    for (const auto* since : {"abc", "-1", "1.5", "99999999999999999999"}) {
      const auto bad = jobs(ann_tablet, ann_token, since, format);
      EXPECT_EQ(bad.status, 400) << since;
      EXPECT_EQ(first_error(bad), msg::kBadCursor);
    }
    for (const auto* limit : {"0", "501", "x"}) {
      const auto bad = jobs(ann_tablet, ann_token, "", format, std::string("&limit=") + limit);
      EXPECT_EQ(bad.status, 400) << limit;
      EXPECT_EQ(first_error(bad), msg::kBadLimit);
    }
  }
  EXPECT_EQ(jobs(ann_tablet, ann_token, "", "json", "&limit=500").status, 200);

  // A disabled officer and a revoked tablet are refused at once.
  Device tablet;
  const auto spare = store().add_key("Spare tablet", "field", &tablet);
  const auto spare_token = sign_in(spare, "Bob Officer");
  ASSERT_TRUE(store().revoke_key(tablet.id));
  const auto revoked = jobs(spare, spare_token);
  EXPECT_EQ(revoked.status, 403);
  EXPECT_EQ(first_error(revoked), staff_messages::kDeviceKeyRefused);
  ASSERT_TRUE(store().disable_staff("Ann Officer"));
  const auto disabled = jobs(ann_tablet, ann_token);
  EXPECT_EQ(disabled.status, 401);
  EXPECT_EQ(first_error(disabled), staff_messages::kSessionEnded);
}

TEST_F(JobsApi, EveryRefusalOfAnAssignment) {
  const auto id = create();
  const auto closed = create();
  NewUpdate fixed;
  fixed.service_request_id = closed;
  fixed.status = CaseStatus::Fixed;
  ASSERT_EQ(store().add_update(fixed).outcome, UpdateOutcome::Added);
  test::add_member(store(), "Dan Gone", StaffRole::Officer);
  ASSERT_TRUE(store().disable_staff("Dan Gone"));

  struct Case {
    std::string id, officer;
    int status;
    std::string message;
  };
  const std::vector<Case> refusals{
      {"", "Ann Officer", 400, msg::kAssignFieldsMissing},
      {id, "", 400, msg::kAssignFieldsMissing},
      {"999", "Ann Officer", 404, msg::kNoSuchCase},
      {"not-an-id", "Ann Officer", 404, msg::kNoSuchCase},
      {id, "Nobody", 404, msg::kNoSuchOfficer},
      {id, "Hal Helper", 400, msg::kNotAnOfficer},
      {id, "Meg Manager", 400, msg::kNotAnOfficer},
      {id, "Dan Gone", 409, msg::kOfficerDisabled},
      {closed, "Ann Officer", 409, msg::kCaseClosed},
  };
  for (const std::string format : {"json", "xml"})
    for (const auto& refusal : refusals) {
      const auto answer = assign(refusal.id, refusal.officer, format);
      EXPECT_EQ(answer.status, refusal.status) << refusal.id << " " << refusal.officer << " " << answer.body;
      EXPECT_EQ(first_error(answer), refusal.message) << format;
    }
  EXPECT_EQ(version_of(id), 1) << "a refused assignment changes nothing";

  const auto officer = assign(id, "Bob Officer", "json", ann_token, ann_tablet);
  EXPECT_EQ(officer.status, 403) << "only a manager assigns";
  EXPECT_EQ(first_error(officer), staff_messages::kRoleNotAllowed);
  const auto no_session = answer_of(client().Post(
      "/open311/v2/staff/assignments.json", form({{"api_key", office}, {"service_request_id", id}, {"officer", "Ann Officer"}}),
      "application/x-www-form-urlencoded"));
  EXPECT_EQ(no_session.status, 401);
  const auto unknown = unassign("999", "xml");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(first_error(unknown), msg::kNoSuchCase);
  EXPECT_TRUE(jobs_json(ann_tablet, ann_token).at("jobs").empty());
}

TEST_F(JobsApi, PagesOfTheFeedMissNothingAndRepeatNothing) {
  std::vector<std::string> ids;
  for (int n = 0; n < 12; ++n) {
    ids.push_back(create());
    ASSERT_EQ(assign(ids.back(), "Ann Officer").status, 200);
  }
  std::multiset<std::string> seen;
  std::string cursor;
  bool more = true;
  int pages = 0;
  while (more) {
    const auto answer = jobs(ann_tablet, ann_token, cursor, "json", "&limit=5");
    ASSERT_EQ(answer.status, 200) << answer.body;
    const auto page = json::parse(answer.body);
    for (const auto& job : page.at("jobs")) seen.insert(job.at("service_request_id").get<std::string>());
    cursor = page.at("cursor");
    more = page.at("more");
    ASSERT_LT(++pages, 10);
    // A change while the device pages through: it comes in a later page.
    if (pages == 1) {
      NewUpdate note;
      note.service_request_id = ids[0];
      note.public_note = "Seen from the road.";
      ASSERT_EQ(store().add_update(note).outcome, UpdateOutcome::Added);
    }
  }
  std::multiset<std::string> expected(ids.begin(), ids.end());
  expected.insert(ids[0]);  // once as assigned, once as changed
  EXPECT_EQ(seen, expected);
}

TEST_F(JobsApi, AnOfficerReportsADefectFoundOnPatrolAndItCanBeTheirJob) {
  const auto created = answer_of(client().Post("/open311/v2/requests.json", bearer(ann_token),
                                            form({{"api_key", ann_tablet},
                                                  {"service_code", "pothole"},
                                                  {"lat", "51.2"},
                                                  {"long", "-1.82"},
                                                  {"attribute[road_or_pavement]", "road"},
                                                  {"attribute[pothole_size]", "bigger_than_plate"},
                                                  {"attribute[depth_cm]", "12"}}),
                                            "application/x-www-form-urlencoded"));
  ASSERT_EQ(created.status, 200) << created.body;
  const std::string id = json::parse(created.body).at(0).at("service_request_id");
  const auto record = store().find(id);
  ASSERT_TRUE(record);
  EXPECT_EQ(record->channel, "field");
  test::RawDb raw(store().path());
  EXPECT_EQ(raw.integer("SELECT staff_id FROM cases WHERE id = " + id), ann.id) << "the officer is recorded";

  ASSERT_EQ(assign(id, "Ann Officer").status, 200);
  const auto page = jobs_json(ann_tablet, ann_token);
  ASSERT_EQ(page.at("jobs").size(), 1u);
  EXPECT_EQ(page.at("jobs").at(0).at("service_request_id"), id);
}
