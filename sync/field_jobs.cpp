// Jobs for each officer with a live session (GET staff/jobs, README "Jobs
// for field officers"): each page applied in one transaction with its
// cursor, so a page is taken whole or not at all; then the thumbnails the
// jobs name, kept for work with no signal.
#include <set>

#include "sync/field_answers.h"
#include "sync/field_sync.h"
#include "sync/outbox_access.h"
#include "sync/staff_store.h"

namespace oneservice::sync {
namespace {

using detail::OutboxAccess;

// A job leaving the tablet: its unsent work stays (and is still sent), and
// the officer is told, saying whether there was any.
void remove_job(Outbox& outbox, const std::string& staff, const std::string& id, const std::string& reason) {
  auto* db = OutboxAccess::db(outbox);
  sqlite::Statement notice(db,
                           "INSERT INTO job_notices (staff, service_request_id, reason, at, had_unsent_work) "
                           "SELECT ?1, ?2, ?3, ?4, EXISTS (SELECT 1 FROM job_updates WHERE staff = ?1 AND "
                           "service_request_id = ?2 AND (state = 'waiting' OR state = 'sending')) "
                           "WHERE EXISTS (SELECT 1 FROM jobs WHERE staff = ?1 AND service_request_id = ?2)");
  notice.bind(1, staff).bind(2, id).bind(3, reason).bind(4, OutboxAccess::now(outbox)).run();
  sqlite::Statement remove(db, "DELETE FROM jobs WHERE staff = ?1 AND service_request_id = ?2");
  remove.bind(1, staff).bind(2, id).run();
}

void keep_job(Outbox& outbox, const std::string& staff, const Job& job, const std::string& document) {
  auto* db = OutboxAccess::db(outbox);
  sqlite::Statement upsert(db,
                           "INSERT INTO jobs (staff, service_request_id, version, document, received_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (staff, service_request_id) DO UPDATE SET "
                           "version = excluded.version, document = excluded.document, received_at = excluded.received_at");
  upsert.bind(1, staff).bind(2, job.service_request_id).bind(3, static_cast<std::int64_t>(job.version));
  upsert.bind(4, document).bind(5, OutboxAccess::now(outbox)).run();
  std::vector<std::string> urls;
  for (const auto& photo : job.photos)
    if (!photo.thumbnail_url.empty()) urls.push_back(photo.thumbnail_url);
  sqlite::Statement stale(db, "SELECT url FROM job_thumbnails WHERE staff = ?1 AND service_request_id = ?2");
  stale.bind(1, staff).bind(2, job.service_request_id);
  std::vector<std::string> gone;
  while (stale.step())
    if (std::find(urls.begin(), urls.end(), stale.text(0)) == urls.end()) gone.push_back(stale.text(0));
  for (const auto& url : gone) {
    sqlite::Statement drop(db, "DELETE FROM job_thumbnails WHERE staff = ?1 AND service_request_id = ?2 AND url = ?3");
    drop.bind(1, staff).bind(2, job.service_request_id).bind(3, url).run();
  }
  for (const auto& url : urls) {
    sqlite::Statement add(db,
                          "INSERT INTO job_thumbnails (staff, service_request_id, url) VALUES (?1, ?2, ?3) "
                          "ON CONFLICT DO NOTHING");
    add.bind(1, staff).bind(2, job.service_request_id).bind(3, url).run();
  }
}

std::vector<std::string> jobs_held(Outbox& outbox, const std::string& staff) {
  sqlite::Statement select(OutboxAccess::db(outbox), "SELECT service_request_id FROM jobs WHERE staff = ?1");
  select.bind(1, staff);
  std::vector<std::string> out;
  while (select.step()) out.push_back(select.text(0));
  return out;
}

}  // namespace

bool FieldSync::pull_jobs(FieldPassResult& result, const std::atomic<bool>* stop) {
  StaffStore store(outbox_);
  auto* db = OutboxAccess::db(outbox_);
  try {
    for (const auto& session : store.sessions()) {
      if (!session.live || session.member.role != "officer" || session.sign_out_requested) continue;
      const auto& name = session.member.name;
      std::string cursor = session.jobs_cursor;
      std::set<std::string> whole_list;  // a full answer's jobs, over its pages
      bool full = false;
      for (int page_number = 0; page_number < 100; ++page_number) {
        if (stop && stop->load()) return false;
        net::HttpRequest request;
        request.url = server_.endpoint("staff/jobs.json") + "?api_key=" + net::url_encode(server_.api_key) +
                      "&limit=100&since=" + net::url_encode(cursor.empty() ? "0" : cursor);
        request.headers.emplace_back("Authorization", "Bearer " + session.token);
        const auto response = exchange(std::move(request), result);
        if (response.error != net::NetError::None) return false;
        if (response.status == 401 || response.status == 403) {
          // The account was disabled, the session ended or the key revoked:
          // the jobs leave the tablet; unsent work stays and waits.
          sqlite::WriteTransaction transaction(db);
          for (const auto& id : jobs_held(outbox_, name)) remove_job(outbox_, name, id, "sign_in_ended");
          store.set_jobs_cursor(name, "");
          transaction.commit();
          store.token_refused(name);
          break;
        }
        if (response.status != 200) {
          result.error = "could not fetch jobs: HTTP " + std::to_string(response.status);
          break;
        }
        JobsPage page;
        try {
          page = read_jobs_page(response.body);
        } catch (const std::exception&) {
          result.error = "the council's list of jobs cannot be read";
          break;
        }
        full = full || page.full;
        sqlite::WriteTransaction transaction(db);
        for (const auto& [job, document] : page.jobs) {
          keep_job(outbox_, name, job, document);
          whole_list.insert(job.service_request_id);
        }
        for (const auto& removal : page.removals) remove_job(outbox_, name, removal.service_request_id, removal.reason);
        if (full && !page.more)
          for (const auto& id : jobs_held(outbox_, name))
            if (!whole_list.count(id)) remove_job(outbox_, name, id, "unassigned");
        store.set_jobs_cursor(name, page.cursor);
        transaction.commit();
        cursor = page.cursor;
        if (!page.more) break;
      }
    }
    return true;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(outbox_, failure, "while keeping jobs");
  }
}

bool FieldSync::pull_thumbnails(FieldPassResult& result, const std::atomic<bool>* stop) {
  try {
    std::vector<std::pair<std::string, std::string>> wanted;  // url, staff
    {
      sqlite::Statement select(OutboxAccess::db(outbox_),
                               "SELECT url, staff FROM job_thumbnails WHERE bytes IS NULL LIMIT 200");
      while (select.step()) wanted.emplace_back(select.text(0), select.text(1));
    }
    for (const auto& [url, staff] : wanted) {
      if (stop && stop->load()) return false;
      net::HttpRequest request;
      request.url = url;
      const auto response = exchange(std::move(request), result);
      if (response.error != net::NetError::None) return false;
      if (response.status != 200) continue;  // asked again next pull
      const auto type = response.headers.find("content-type");
      sqlite::Statement keep(OutboxAccess::db(outbox_),
                             "UPDATE job_thumbnails SET bytes = ?3, content_type = ?4 WHERE url = ?1 AND staff = ?2");
      keep.bind(1, url).bind(2, staff).bind_blob(3, response.body);
      keep.bind(4, type == response.headers.end() ? std::string() : type->second).run();
    }
    return true;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(outbox_, failure, "while keeping thumbnails");
  }
}

}  // namespace oneservice::sync
