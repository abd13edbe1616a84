#include "central/store/jobs.h"

#include <optional>

#include "central/job_messages.h"
#include "central/store/cases.h"
#include "central/store/updates.h"

namespace oneservice::central {

std::string to_string(RemovalReason reason) {
  switch (reason) {
    case RemovalReason::Reassigned: return "reassigned";
    case RemovalReason::Unassigned: return "unassigned";
    case RemovalReason::Closed: return "closed";
  }
  return "unassigned";
}

const char* job_messages::for_outcome(AssignOutcome outcome) {
  switch (outcome) {
    case AssignOutcome::UnknownCase: return kNoSuchCase;
    case AssignOutcome::NoSuchOfficer: return kNoSuchOfficer;
    case AssignOutcome::NotAnOfficer: return kNotAnOfficer;
    case AssignOutcome::OfficerDisabled: return kOfficerDisabled;
    case AssignOutcome::CaseClosed: return kCaseClosed;
    case AssignOutcome::Assigned:
    case AssignOutcome::AlreadyAssigned: break;
  }
  return "";
}

namespace store {
namespace {

struct CaseState {
  bool open = false;
  std::int64_t version = 0;
};

std::optional<CaseState> case_state(sqlite3* db, std::int64_t case_id) {
  sqlite::Statement select(db, "SELECT is_open, version FROM cases WHERE id = ?1");
  select.bind(1, case_id);
  if (!select.step()) return std::nullopt;
  return CaseState{select.integer(0) == 1, select.integer(1)};
}

struct CurrentAssignment {
  std::int64_t staff_id = 0;
  std::string officer;
  std::string assigned_at;
};

std::optional<CurrentAssignment> current_assignment(sqlite3* db, std::int64_t case_id) {
  sqlite::Statement select(db,
                           "SELECT a.staff_id, s.name, a.assigned_at FROM assignments a "
                           "JOIN staff s ON s.id = a.staff_id WHERE a.case_id = ?1");
  select.bind(1, case_id);
  if (!select.step()) return std::nullopt;
  return CurrentAssignment{select.integer(0), select.text(1), select.text(2)};
}

std::int64_t bump_version(sqlite3* db, std::int64_t case_id) {
  sqlite::Statement bump(db, "UPDATE cases SET version = version + 1 WHERE id = ?1");
  bump.bind(1, case_id).run();
  sqlite::Statement select(db, "SELECT version FROM cases WHERE id = ?1");
  select.bind(1, case_id);
  return select.step() ? select.integer(0) : 0;
}

std::map<std::int64_t, std::string> staff_names(sqlite3* db, const std::vector<CaseUpdate>& history) {
  std::map<std::int64_t, std::string> names;
  for (const auto& update : history) {
    if (update.staff_id == 0 || names.count(update.staff_id)) continue;
    sqlite::Statement select(db, "SELECT name FROM staff WHERE id = ?1");
    select.bind(1, update.staff_id);
    if (select.step()) names[update.staff_id] = select.text(0);
  }
  return names;
}

}  // namespace

AssignResult assign_case(sqlite3* db, std::int64_t case_id, const std::string& officer, std::int64_t by_staff_id,
                         const std::string& now) {
  AssignResult result;
  result.service_request_id = std::to_string(case_id);
  const auto state = case_state(db, case_id);
  if (!state) return result;  // UnknownCase

  sqlite::Statement find(db, "SELECT id, name, role, disabled_at FROM staff WHERE name = ?1");
  find.bind(1, officer);
  if (!find.step()) {
    result.outcome = AssignOutcome::NoSuchOfficer;
    return result;
  }
  const auto staff_id = find.integer(0);
  result.officer = find.text(1);
  if (find.text(2) != "officer") result.outcome = AssignOutcome::NotAnOfficer;
  else if (!find.text(3).empty()) result.outcome = AssignOutcome::OfficerDisabled;
  else if (!state->open) result.outcome = AssignOutcome::CaseClosed;
  else result.outcome = AssignOutcome::Assigned;
  if (result.outcome != AssignOutcome::Assigned) return result;

  if (const auto current = current_assignment(db, case_id); current && current->staff_id == staff_id) {
    result.outcome = AssignOutcome::AlreadyAssigned;
    result.assigned_at = current->assigned_at;
    result.version = state->version;
    return result;
  }
  sqlite::Statement assign(db,
                           "INSERT INTO assignments (case_id, staff_id, assigned_by, assigned_at) "
                           "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (case_id) DO UPDATE SET "
                           "staff_id = excluded.staff_id, assigned_by = excluded.assigned_by, "
                           "assigned_at = excluded.assigned_at");
  assign.bind(1, case_id).bind(2, staff_id);
  if (by_staff_id != 0)
    assign.bind(3, by_staff_id);
  else
    assign.bind_null(3);
  assign.bind(4, now).run();
  result.assigned_at = now;
  result.version = bump_version(db, case_id);
  return result;
}

UnassignResult unassign_case(sqlite3* db, std::int64_t case_id) {
  UnassignResult result;
  result.service_request_id = std::to_string(case_id);
  const auto state = case_state(db, case_id);
  if (!state) return result;  // UnknownCase
  const auto current = current_assignment(db, case_id);
  if (!current) {
    result.outcome = UnassignOutcome::NotAssigned;
    result.version = state->version;
    return result;
  }
  sqlite::Statement remove(db, "DELETE FROM assignments WHERE case_id = ?1");
  remove.bind(1, case_id).run();
  result.outcome = UnassignOutcome::Unassigned;
  result.officer = current->officer;
  result.version = bump_version(db, case_id);
  return result;
}

bool clear_case_flag(sqlite3* db, std::int64_t case_id) {
  sqlite::Statement clear(db,
                          "UPDATE cases SET needs_review = 0, review_reason = '' WHERE id = ?1 AND needs_review = 1");
  clear.bind(1, case_id).run();
  return sqlite::changes(db) == 1;
}

JobsPage jobs_after(sqlite3* db, std::int64_t staff_id, std::int64_t after, std::size_t limit) {
  JobsPage page;
  // The highest number ever given, even if its rows were pruned.
  const auto last_seq =
      sqlite::query_integer(db, "SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'job_changes'");
  // A cursor this log never reached: the store was restored from an older
  // copy. The device's list cannot be trusted; it gets the whole list again.
  if (after <= 0 || after > last_seq) {
    page.full = true;
    after = 0;
  }
  sqlite::Statement changed(db,
                            "SELECT case_id, max(seq) AS last FROM job_changes WHERE staff_id = ?1 AND seq > ?2 "
                            "GROUP BY case_id ORDER BY last LIMIT ?3");
  changed.bind(1, staff_id).bind(2, after).bind(3, static_cast<std::int64_t>(limit));
  std::vector<std::pair<std::int64_t, std::int64_t>> cases;
  while (changed.step()) cases.emplace_back(changed.integer(0), changed.integer(1));

  for (const auto& [case_id, seq] : cases) {
    const auto record = load_case(db, case_id);
    if (!record) continue;
    const auto current = current_assignment(db, case_id);
    const bool mine = current && current->staff_id == staff_id;
    if (mine && is_open(record->status)) {
      Job job;
      job.record = *record;
      job.history = case_history(db, case_id);
      job.staff_names = staff_names(db, job.history);
      for (const auto& update : job.history)
        if (const auto version = version_after_update(db, update.update_id))
          job.update_versions[update.update_id] = *version;
      job.assigned_at = current->assigned_at;
      page.jobs.push_back(std::move(job));
      continue;
    }
    if (page.full) continue;  // a whole list has nothing to take away
    const auto reason = mine ? RemovalReason::Closed : current ? RemovalReason::Reassigned : RemovalReason::Unassigned;
    page.removed.push_back({record->service_request_id, reason});
  }
  page.more = cases.size() == limit;
  page.cursor = page.more ? cases.back().second : last_seq;
  return page;
}

std::vector<FlaggedCase> flagged_cases(sqlite3* db) {
  sqlite::Statement select(db, "SELECT id FROM cases WHERE needs_review = 1 ORDER BY id");
  std::vector<std::int64_t> ids;
  while (select.step()) ids.push_back(select.integer(0));
  std::vector<FlaggedCase> out;
  for (const auto id : ids) {
    auto record = load_case(db, id);
    if (!record) continue;
    const auto current = current_assignment(db, id);
    out.push_back({std::move(*record), current ? current->officer : std::string()});
  }
  return out;
}

std::optional<std::int64_t> version_after_update(sqlite3* db, std::int64_t update_id) {
  sqlite::Statement select(db, "SELECT version FROM update_versions WHERE update_id = ?1");
  select.bind(1, update_id);
  if (!select.step()) return std::nullopt;
  return select.integer(0);
}

}  // namespace store
}  // namespace oneservice::central
