#pragma once
// The staff endpoints' answers as the tablet reads them (POST staff/sessions,
// GET staff/verifiers). Pure functions; each throws nlohmann::json::exception
// on a body it cannot read.
#include <optional>
#include <string>
#include <vector>

#include "sync/staff_records.h"
#include "sync/staff_store.h"

namespace oneservice::sync {

struct SessionAnswer {
  StaffMember member;
  std::string token, expires_at;
  std::optional<StoredVerifier> verifier;
};

SessionAnswer read_session_answer(const std::string& body);

// (id, fingerprint) of each verifier in force for this device.
std::vector<std::pair<std::int64_t, std::string>> read_verifier_list(const std::string& body);

// The limits inside an Argon2id string ($argon2id$v=19$m=KiB,t=OPS,p=1$...);
// nullopt when it is not one.
struct Argon2Limits {
  unsigned long long opslimit = 0;
  std::size_t memlimit = 0;  // bytes
};
std::optional<Argon2Limits> argon2id_limits(const std::string& verifier);

}  // namespace oneservice::sync
