#include "central/store/supporters.h"

namespace oneservice::central::store {
namespace {

std::int64_t count_for(sqlite3* db, std::int64_t case_id) {
  sqlite::Statement count(db, "SELECT count(*) FROM case_supporters WHERE case_id = ?1");
  count.bind(1, case_id);
  count.step();
  return count.integer(0);
}

}  // namespace

SupportResult add_supporter(sqlite3* db, std::int64_t case_id, const NewSupporter& supporter, const std::string& now) {
  SupportResult result;
  sqlite::Statement earlier(db, "SELECT case_id FROM case_supporters WHERE device_id = ?1 AND client_id = ?2");
  earlier.bind(1, supporter.device_id).bind(2, supporter.client_id);
  if (earlier.step()) {
    if (earlier.integer(0) != case_id) {
      result.outcome = SupportOutcome::KeyReused;
      return result;
    }
    result.outcome = SupportOutcome::Duplicate;
    result.supporters = count_for(db, case_id);
    return result;
  }
  sqlite::Statement open(db, "SELECT is_open FROM cases WHERE id = ?1");
  open.bind(1, case_id);
  if (!open.step()) {
    result.outcome = SupportOutcome::UnknownCase;
    return result;
  }
  if (open.integer(0) == 0) {
    result.outcome = SupportOutcome::Closed;
    return result;
  }
  sqlite::Statement insert(db,
                           "INSERT INTO case_supporters (case_id, device_id, client_id, created_at) "
                           "VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, case_id).bind(2, supporter.device_id).bind(3, supporter.client_id).bind(4, now).run();
  result.outcome = SupportOutcome::Added;
  result.supporters = count_for(db, case_id);
  return result;
}

}  // namespace oneservice::central::store
