// An officer's drafts: saved with their photos, they survive the store being
// reopened and the process being killed; "Send all" queues every complete
// one in one go and hands back the incomplete ones with their problems.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "field_support.h"
#include "sync/catalogue_cache.h"
#include "sync/drafts.h"
#include "sync/staff_reports.h"
#include "sync/sync_log.h"

using namespace oneservice;
using namespace oneservice::sync;
using namespace oneservice::sync::field_test;

namespace {

ServiceRequest pothole(const std::string& depth) {
  ServiceRequest request;
  request.channel = Channel::Field;
  request.service_code = "pothole";
  request.answers = {{"road_or_pavement", std::string("road")}, {"pothole_size", std::string("about_plate")}};
  if (!depth.empty()) request.answers["depth_cm"] = depth;
  request.location.lat = 51.2;
  request.location.lon = -1.82;
  request.location.source = LocationSource::Gps;
  request.location.accuracy_m = 4.5;
  return request;
}

std::vector<MediaAttachment> photos(int count) {
  std::vector<MediaAttachment> out;
  for (int i = 0; i < count; ++i) out.push_back({"p" + std::to_string(i) + ".jpg", "image/jpeg", jpeg(64, 48, i)});
  return out;
}

}  // namespace

TEST(Drafts, ADraftAndItsPhotosSurviveReopeningAndAreOnlyTheirOfficers) {
  TempDir folder;
  std::string id;
  {
    auto outbox = Outbox::open(outbox_path(folder.path()));
    id = Drafts(outbox).save_draft(pothole(""), photos(2), "Ann Smith");
    // Saving again replaces it, photos included.
    auto more = pothole("12");
    more.client_id = id;
    EXPECT_EQ(Drafts(outbox).save_draft(more, photos(1), "Ann Smith"), id);
  }
  auto outbox = Outbox::open(outbox_path(folder.path()), OpenMode::MustExist);
  Drafts drafts(outbox);
  const auto loaded = drafts.load_draft(id, "ann smith");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(std::get<std::string>(loaded->first.answers.at("depth_cm")), "12");
  EXPECT_EQ(loaded->first.location.source, LocationSource::Gps);
  ASSERT_EQ(loaded->second.size(), 1u);
  EXPECT_EQ(loaded->second[0].bytes, jpeg(64, 48, 0));
  EXPECT_FALSE(drafts.load_draft(id, "Bob Jones"));
  EXPECT_FALSE(drafts.delete_draft(id, "Bob Jones"));
  EXPECT_THROW(drafts.save_draft(loaded->first, {}, "Bob Jones"), StoreError) << "another's draft is not taken over";
  EXPECT_TRUE(drafts.delete_draft(id, "Ann Smith"));
  EXPECT_FALSE(drafts.load_draft(id, "Ann Smith"));
}

// The kill -9 pattern of tests/sync/crash_test.cpp: the child saves, then
// dies without closing anything.
TEST(Drafts, ADraftSavedBeforeAKillIsThereAfterwards) {
  TempDir folder;
  const auto path = outbox_path(folder.path());
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t child = ::fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    try {
      auto outbox = Outbox::open(path);
      const auto id = Drafts(outbox).save_draft(pothole("9"), photos(1), "Ann Smith");
      if (::write(pipe_fds[1], id.data(), id.size()) != static_cast<ssize_t>(id.size())) ::_exit(4);
      ::raise(SIGKILL);
    } catch (...) {
    }
    ::_exit(3);
  }
  ::close(pipe_fds[1]);
  char buffer[64] = {};
  const auto got = ::read(pipe_fds[0], buffer, sizeof buffer);
  ::close(pipe_fds[0]);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  ASSERT_GT(got, 0);
  auto outbox = Outbox::open(path, OpenMode::MustExist);
  const auto loaded = Drafts(outbox).load_draft(std::string(buffer, static_cast<std::size_t>(got)), "Ann Smith");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(std::get<std::string>(loaded->first.answers.at("depth_cm")), "9");
  EXPECT_EQ(loaded->second.size(), 1u);
}

TEST(Drafts, SendAllQueuesTheCompleteOnesAndReturnsTheOthersWithTheirProblems) {
  TempDir folder;
  auto outbox = Outbox::open(outbox_path(folder.path()));
  const auto catalogue = demo_catalogue(outbox);
  Drafts drafts(outbox);
  const auto first = drafts.save_draft(pothole("7"), photos(2), "Ann Smith");
  const auto second = drafts.save_draft(pothole("30"), {}, "Ann Smith");
  const auto unfinished = drafts.save_draft(pothole(""), photos(1), "Ann Smith");
  const auto bobs = drafts.save_draft(pothole("5"), {}, "Bob Jones");

  const auto listed = drafts.drafts_of("Ann Smith", catalogue, Wording::english());
  ASSERT_EQ(listed.size(), 3u);
  int complete = 0;
  for (const auto& draft : listed) complete += draft.complete ? 1 : 0;
  EXPECT_EQ(complete, 2);

  const auto result = drafts.send_drafts({first, second, unfinished, bobs}, catalogue, Wording::english(), "Ann Smith");
  EXPECT_EQ(result.queued, 2);
  ASSERT_EQ(result.incomplete.size(), 1u);
  EXPECT_EQ(result.incomplete[0].client_id, unfinished);
  EXPECT_FALSE(result.incomplete[0].problems.empty()) << "the unanswered depth";

  EXPECT_EQ(outbox.find(first)->state, RequestState::Queued);
  EXPECT_EQ(outbox.find(second)->state, RequestState::Queued);
  EXPECT_EQ(outbox.find(unfinished)->state, RequestState::Draft);
  EXPECT_EQ(outbox.find(bobs)->state, RequestState::Draft) << "not hers to send";
  EXPECT_EQ(reports_of(outbox, "Ann Smith").size(), 2u);
  EXPECT_EQ(drafts.drafts_of("Ann Smith", catalogue, Wording::english()).size(), 1u);
  // The queued report's two photos wait to follow it.
  int photo_entries = 0;
  for (const auto& entry : sync_log(outbox, "Ann Smith"))
    if (entry.kind == "photo") {
      ++photo_entries;
      EXPECT_EQ(entry.reason, "report_first");
    }
  EXPECT_EQ(photo_entries, 2);
}
