#pragma once
// The SQL behind a resident's sign-in by emailed link (schema step 5): the
// links with their rate limits, their emails, the sessions, and the cases
// made with an address.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "central/public_records.h"
#include "central/records.h"
#include "db/sqlite.h"

namespace oneservice::central::store {

// The limits, per rolling hour: links for one address, and links asked for
// by one requester (whatever the addresses).
inline constexpr int kLinksPerAddressPerHour = 3;
inline constexpr int kLinksPerRequesterPerHour = 10;
inline constexpr int kLinkMinutes = 30;
inline constexpr int kResidentSessionMinutes = 120;

struct NewLink {
  std::string token_sha256, plain_token, address, language, requester_sha256;
};

// `now`, `hour_ago` and `expires_at` are in the stored form.
LinkOutcome insert_link(sqlite3* db, const NewLink& link, const std::string& now, const std::string& hour_ago,
                        const std::string& expires_at);
std::vector<SignInMail> due_sign_in_mail(sqlite3* db, const std::string& now, std::size_t limit);
void mark_sign_in_mail(sqlite3* db, std::int64_t id, bool sent, const std::string& retry_at, bool give_up,
                       const std::string& now);
// The link's address when it is unused and unexpired; marks it used.
std::optional<std::string> use_link(sqlite3* db, const std::string& token_sha256, const std::string& now);
void insert_resident_session(sqlite3* db, const std::string& token_sha256, const std::string& address,
                             const std::string& now, const std::string& expires_at);
std::optional<std::string> live_resident_session(sqlite3* db, const std::string& token_sha256, const std::string& now);
void end_resident_session(sqlite3* db, const std::string& token_sha256, const std::string& now);
// Every case whose contact email is this address (lower case), newest first.
std::vector<std::string> case_ids_for_address(sqlite3* db, const std::string& address);

}  // namespace oneservice::central::store
