#include "sync/drafts.h"

#include "shared/identity.h"
#include "shared/prepare.h"
#include "shared/request_json.h"
#include "sync/outbox_access.h"
#include "sync/outbox_rows.h"

namespace oneservice::sync {
namespace {

using detail::OutboxAccess;

struct DraftRow {
  DraftSummary summary;
  std::string body;
};

DraftSummary judge(DraftSummary summary, const std::string& body, const Outbox& outbox, const Catalogue& catalogue,
                   const Wording& wording, std::optional<ServiceRequest>* prepared = nullptr) {
  const auto request = detail::request_from_body(body, OutboxAccess::path(outbox), summary.local_ref);
  auto result = prepare_request(catalogue, request, OutboxAccess::now_point(outbox), wording);
  summary.complete = result.ok();
  summary.problems.clear();
  for (const auto& error : result.errors) summary.problems.push_back(error.message);
  if (prepared && summary.complete) *prepared = std::move(result.request);
  return summary;
}

std::optional<DraftRow> draft_row(const Outbox& outbox, const std::string& client_id, const std::string& staff) {
  sqlite::Statement select(OutboxAccess::db(outbox),
                           "SELECT client_id, local_ref, service_code, updated_at, body FROM requests "
                           "WHERE client_id = ?1 AND staff = ?2 AND state = 'draft' AND ?2 <> ''");
  select.bind(1, client_id).bind(2, staff);
  if (!select.step()) return std::nullopt;
  DraftRow row;
  row.summary = {select.text(0), select.text(1), select.text(2), select.text(3), false, {}};
  row.body = select.text(4);
  return row;
}

}  // namespace

std::string Drafts::save_draft(const ServiceRequest& partial, const std::vector<MediaAttachment>& photos,
                               const std::string& staff) {
  if (staff.empty()) throw std::invalid_argument("A draft needs the officer's name.");
  detail::check_photo_limits(photos);
  auto request = partial;
  if (request.client_id.empty()) request.client_id = make_uuid_v4();
  const auto reference = local_reference(request.client_id);
  const auto body = request_to_json(request);
  auto* db = OutboxAccess::db(*outbox_);
  try {
    // The outbox commits with synchronous=FULL: the draft is on disk when this returns.
    sqlite::WriteTransaction transaction(db);
    sqlite::Statement existing(db,
                               "SELECT staff = ?3, state, client_id = ?1 FROM requests WHERE client_id = ?1 OR local_ref = ?2");
    existing.bind(1, request.client_id).bind(2, reference).bind(3, staff);
    const auto stamp = OutboxAccess::now(*outbox_);
    if (existing.step()) {
      if (existing.text(1) != "draft" || existing.integer(0) != 1 || existing.integer(2) != 1)
        throw StoreError("Draft " + reference + " cannot be saved: that reference is already used in the request store " +
                         OutboxAccess::path(*outbox_) + ".");
      sqlite::Statement update(db,
                               "UPDATE requests SET body = ?2, service_code = ?3, catalogue_version = ?4, "
                               "updated_at = ?5 WHERE client_id = ?1");
      update.bind(1, request.client_id).bind(2, body).bind(3, request.service_code);
      update.bind(4, request.catalogue_version).bind(5, stamp).run();
      sqlite::Statement forget(db, "DELETE FROM request_media WHERE client_id = ?1");
      forget.bind(1, request.client_id).run();
    } else {
      sqlite::Statement insert(db,
                               "INSERT INTO requests (client_id, local_ref, state, service_code, catalogue_version, "
                               "body, created_at, updated_at, staff) VALUES (?1, ?2, 'draft', ?3, ?4, ?5, ?6, ?6, ?7)");
      insert.bind(1, request.client_id).bind(2, reference).bind(3, request.service_code);
      insert.bind(4, request.catalogue_version).bind(5, body).bind(6, stamp).bind(7, staff).run();
    }
    for (const auto& item : photos) {
      sqlite::Statement attach(db,
                               "INSERT INTO request_media (client_id, file_name, content_type, bytes) "
                               "VALUES (?1, ?2, ?3, ?4)");
      attach.bind(1, request.client_id).bind(2, item.file_name).bind(3, item.content_type);
      attach.bind_blob(4, item.bytes).run();
    }
    transaction.commit();
    return request.client_id;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while saving draft " + reference);
  }
}

std::vector<DraftSummary> Drafts::drafts_of(const std::string& staff, const Catalogue& catalogue,
                                            const Wording& wording) const {
  std::vector<DraftRow> rows;
  try {
    sqlite::Statement select(OutboxAccess::db(*outbox_),
                             "SELECT client_id, local_ref, service_code, updated_at, body FROM requests "
                             "WHERE staff = ?1 AND state = 'draft' AND ?1 <> '' ORDER BY updated_at DESC, id DESC");
    select.bind(1, staff);
    while (select.step())
      rows.push_back({{select.text(0), select.text(1), select.text(2), select.text(3), false, {}}, select.text(4)});
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while listing drafts");
  }
  std::vector<DraftSummary> out;
  for (auto& row : rows) out.push_back(judge(std::move(row.summary), row.body, *outbox_, catalogue, wording));
  return out;
}

std::optional<std::pair<ServiceRequest, std::vector<MediaAttachment>>> Drafts::load_draft(
    const std::string& client_id, const std::string& staff) const {
  try {
    const auto row = draft_row(*outbox_, client_id, staff);
    if (!row) return std::nullopt;
    std::pair<ServiceRequest, std::vector<MediaAttachment>> out;
    out.first = detail::request_from_body(row->body, OutboxAccess::path(*outbox_), row->summary.local_ref);
    sqlite::Statement media(OutboxAccess::db(*outbox_),
                            "SELECT file_name, content_type, bytes FROM request_media WHERE client_id = ?1 ORDER BY id");
    media.bind(1, client_id);
    while (media.step()) out.second.push_back({media.text(0), media.text(1), media.blob(2)});
    return out;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while reading a draft");
  }
}

bool Drafts::delete_draft(const std::string& client_id, const std::string& staff) {
  try {
    sqlite::Statement remove(OutboxAccess::db(*outbox_),
                             "DELETE FROM requests WHERE client_id = ?1 AND staff = ?2 AND state = 'draft' AND ?2 <> ''");
    remove.bind(1, client_id).bind(2, staff).run();
    return sqlite::changes(OutboxAccess::db(*outbox_)) > 0;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while deleting a draft");
  }
}

BatchResult Drafts::send_drafts(const std::vector<std::string>& client_ids, const Catalogue& catalogue,
                                const Wording& wording, const std::string& staff) {
  BatchResult result;
  auto* db = OutboxAccess::db(*outbox_);
  try {
    // One transaction: the tablet queues all of them or, if it dies
    // half-way, none, and "Send all" can simply be pressed again.
    sqlite::WriteTransaction transaction(db);
    const auto stamp = OutboxAccess::now(*outbox_);
    for (const auto& client_id : client_ids) {
      const auto row = draft_row(*outbox_, client_id, staff);
      if (!row) continue;  // sent or deleted meanwhile
      std::optional<ServiceRequest> prepared;
      auto summary = judge(row->summary, row->body, *outbox_, catalogue, wording, &prepared);
      if (!prepared) {
        result.incomplete.push_back(std::move(summary));
        continue;
      }
      sqlite::Statement queue(db,
                              "UPDATE requests SET body = ?2, service_code = ?3, catalogue_version = ?4, "
                              "state = 'queued', updated_at = ?5 WHERE client_id = ?1 AND state = 'draft'");
      queue.bind(1, client_id).bind(2, request_to_json(*prepared)).bind(3, prepared->service_code);
      queue.bind(4, prepared->catalogue_version).bind(5, stamp).run();
      // The photos follow the report, each its own update (sync/staff_reports.h).
      std::vector<std::int64_t> media_ids;
      sqlite::Statement media(db, "SELECT id FROM request_media WHERE client_id = ?1 ORDER BY id");
      media.bind(1, client_id);
      while (media.step()) media_ids.push_back(media.integer(0));
      for (const auto id : media_ids) {
        sqlite::Statement move(db,
                               "INSERT INTO report_photos (client_id, file_name, content_type, bytes, update_id) "
                               "SELECT client_id, file_name, content_type, bytes, ?2 FROM request_media WHERE id = ?1");
        move.bind(1, id).bind(2, make_uuid_v4()).run();
      }
      sqlite::Statement forget(db, "DELETE FROM request_media WHERE client_id = ?1");
      forget.bind(1, client_id).run();
      ++result.queued;
    }
    transaction.commit();
    return result;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while sending drafts");
  }
}

}  // namespace oneservice::sync
