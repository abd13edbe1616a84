#pragma once
// The SQL behind the public pages (cases without personal data) and the
// mail queue the triggers of schema step 5 fill.
#include <cstdint>
#include <string>
#include <vector>

#include "central/public_records.h"
#include "db/sqlite.h"

namespace oneservice::central::store {

// Cases requested at or after `since` (stored form), newest first.
std::vector<PublicCase> public_cases(sqlite3* db, const std::string& since, std::size_t limit);

// Mail not sent, not given up, due at or before `now`, oldest first.
std::vector<QueuedMail> due_mail(sqlite3* db, const std::string& now, std::size_t limit);
void mark_mail_sent(sqlite3* db, std::int64_t id, const std::string& now);
// One more failed attempt: tried again at `retry_at`, or never when give_up.
void mark_mail_failed(sqlite3* db, std::int64_t id, const std::string& error, const std::string& retry_at,
                      bool give_up, const std::string& now);
// The unsubscribe link: stops every later email about that case, and drops
// the ones queued and not yet sent.
StopResult stop_mail(sqlite3* db, const std::string& token, const std::string& now);
StopResult mail_stop_state(sqlite3* db, const std::string& token);

}  // namespace oneservice::central::store
