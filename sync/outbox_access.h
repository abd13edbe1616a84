#pragma once
// How the views over an Outbox (Drafts, JobBook, NearbyCases, the staff
// store, the field passes) reach its connection, clock and error wording,
// without each becoming a friend of Outbox or Outbox growing their methods.
// Internal to sync/.
#include <string>

#include "sync/outbox.h"

namespace oneservice::sync::detail {

struct OutboxAccess {
  static sqlite3* db(const Outbox& outbox) { return outbox.db_.get(); }
  static const std::string& path(const Outbox& outbox) { return outbox.path_; }
  static std::string now(const Outbox& outbox) { return outbox.now(); }
  static TimePoint now_point(const Outbox& outbox) { return outbox.clock_.now(); }
  static std::string save(Outbox& outbox, const ServiceRequest& request, const std::vector<MediaAttachment>& media,
                          const std::string& staff) {
    return outbox.save(request, media, staff, Outbox::PhotoRoute::AfterTheReport);
  }
  [[noreturn]] static void fail(const Outbox& outbox, const sqlite::Failure& failure, const std::string& doing) {
    outbox.fail(failure, doing);
  }
};

}  // namespace oneservice::sync::detail
