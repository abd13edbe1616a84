// Two officers sharing one tablet: each sees only their own drafts, reports,
// jobs, updates, notices and sync log, whatever the other does.
#include <gtest/gtest.h>

#include "field_support.h"
#include "sync/drafts.h"
#include "sync/catalogue_cache.h"
#include "sync/job_book.h"
#include "sync/staff_reports.h"
#include "sync/sync_log.h"

using namespace oneservice;
using namespace oneservice::sync;
using namespace oneservice::sync::field_test;

TEST(Ownership, TwoOfficersOnOneTabletSeeNothingOfEachOthers) {
  FieldCentral central;
  const auto ann_secret = central.add_staff("Ann Smith");
  const auto bob_secret = central.add_staff("Bob Jones");
  const auto anns = central.report_pothole(51.2, -1.82);
  const auto bobs = central.report_pothole(51.21, -1.82);
  central.assign(anns, "Ann Smith");
  central.assign(bobs, "Bob Jones");
  TempDir folder;
  auto outbox = Outbox::open(outbox_path(folder.path()));
  const auto catalogue = demo_catalogue(outbox);
  sign_in(outbox, central.server(), "Ann Smith", ann_secret);
  sign_in(outbox, central.server(), "Bob Jones", bob_secret);
  field_sync(outbox, central.server()).pull();

  JobBook book(outbox);
  ASSERT_EQ(book.jobs_of("Ann Smith").size(), 1u);
  EXPECT_EQ(book.jobs_of("Ann Smith")[0].service_request_id, anns);
  EXPECT_EQ(book.jobs_of("Bob Jones")[0].service_request_id, bobs);
  EXPECT_FALSE(book.job("Bob Jones", anns));
  EXPECT_THROW(book.queue_job_update("Bob Jones", anns, {"FIXED", "", "", {}}), StoreError);
  book.queue_job_update("Ann Smith", anns, {"IN_PROGRESS", "", "Ann's note", {}});
  EXPECT_TRUE(book.updates_of("Bob Jones", anns).empty());

  ServiceRequest partial;
  partial.service_code = "pothole";
  Drafts drafts(outbox);
  const auto anns_draft = drafts.save_draft(partial, {}, "Ann Smith");
  EXPECT_TRUE(drafts.drafts_of("Bob Jones", catalogue, Wording::english()).empty());
  EXPECT_FALSE(drafts.load_draft(anns_draft, "Bob Jones"));
  EXPECT_EQ(drafts.drafts_of("Ann Smith", catalogue, Wording::english()).size(), 1u);
  EXPECT_EQ(drafts.send_drafts({anns_draft}, catalogue, Wording::english(), "Bob Jones").queued, 0);

  central.run({"case", "unassign", bobs});
  field_sync(outbox, central.server()).pull();
  EXPECT_TRUE(book.notices_of("Ann Smith").empty());
  EXPECT_EQ(book.notices_of("Bob Jones").size(), 1u);
  book.dismiss_notice("Ann Smith", book.notices_of("Bob Jones")[0].id);
  EXPECT_EQ(book.notices_of("Bob Jones").size(), 1u) << "Ann cannot dismiss Bob's notice";

  const auto anns_log = sync_log(outbox, "Ann Smith");
  ASSERT_EQ(anns_log.size(), 1u);
  EXPECT_EQ(anns_log[0].kind, "update");
  EXPECT_TRUE(sync_log(outbox, "Bob Jones").empty());
  EXPECT_TRUE(reports_of(outbox, "Bob Jones").empty());
  EXPECT_TRUE(sync_log(outbox, "").empty()) << "nobody's name is not a way round it";
}
