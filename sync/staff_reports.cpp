#include "sync/staff_reports.h"

#include "sync/outbox_access.h"
#include "sync/outbox_rows.h"

namespace oneservice::sync {

std::string enqueue_for_staff(Outbox& outbox, const ServiceRequest& request,
                              const std::vector<MediaAttachment>& photos, const std::string& staff) {
  if (staff.empty()) throw std::invalid_argument("An officer's report needs the officer's name.");
  detail::check_photo_limits(photos);
  return detail::OutboxAccess::save(outbox, request, photos, staff);
}

std::vector<OutboxEntry> reports_of(const Outbox& outbox, const std::string& staff) {
  if (staff.empty()) return {};  // the kiosk's requests belong to nobody
  try {
    sqlite::Statement select(detail::OutboxAccess::db(outbox),
                             "SELECT " + std::string(detail::kEntryColumns) +
                                 " FROM requests WHERE staff = ?1 AND state <> 'draft' ORDER BY id");
    select.bind(1, staff);
    std::vector<OutboxEntry> out;
    while (select.step()) out.push_back(detail::entry_from_row(select, detail::OutboxAccess::path(outbox)));
    return out;
  } catch (const sqlite::Failure& failure) {
    detail::OutboxAccess::fail(outbox, failure, "while listing a member's reports");
  }
}

}  // namespace oneservice::sync
