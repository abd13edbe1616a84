#pragma once
// Staff for the jobs tests: accounts made with the cheapest Argon2id limits,
// so tests that make many stay fast.
#include <string>

#include "central/case_store.h"
#include "central/store/password_hash.h"

namespace oneservice::central::test {

inline constexpr const char* kTestSecret = "correct-horse-battery";

inline void use_cheap_hashes(CaseStore& store) {
  store.use_hash_limits(store::smallest_hash_limits(), store::smallest_hash_limits());
}

inline StaffMember add_member(CaseStore& store, const std::string& name, StaffRole role) {
  return store.add_staff(name, role, "Highways", kTestSecret);
}

}  // namespace oneservice::central::test
