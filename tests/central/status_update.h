#pragma once
// The command line's kind of update (no device, no resend protection) for
// tests that only need a case to move.
#include <string>

#include "central/records.h"

namespace oneservice::central::test {

inline NewUpdate status_update(const std::string& id, CaseStatus status, const std::string& note) {
  NewUpdate update;
  update.service_request_id = id;
  update.status = status;
  update.public_note = note;
  return update;
}

}  // namespace oneservice::central::test
