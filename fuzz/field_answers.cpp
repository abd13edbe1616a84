// The field tablet's readers of central's answers (sync/field_answers.h,
// sync/staff_wire.h): a page of staff/jobs, nearby open cases, an update's
// answer, a sign-in and the verifier list. The input is split at NUL bytes
// into one body for each. A page's jobs are stored as their own documents
// and read again offline: what was read once must read again the same.
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "fuzz/fuzz_target.h"
#include "sync/field_answers.h"
#include "sync/staff_wire.h"

namespace {

template <typename Read>
void tolerate(Read&& read) {
  try {
    read();
  } catch (const nlohmann::json::exception&) {
    // a body the tablet cannot read: the pass says so and tries later
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oneservice;
  std::string rest = fuzz::as_text(data, size);
  const std::string jobs = fuzz::take_part(rest), nearby = fuzz::take_part(rest), update = fuzz::take_part(rest),
                    session = fuzz::take_part(rest), verifiers = rest;
  tolerate([&] {
    const auto page = sync::read_jobs_page(jobs);
    for (const auto& [job, document] : page.jobs) {
      const auto again = sync::read_job(document);  // must not throw: it was read once
      if (again.service_request_id != job.service_request_id || again.version != job.version ||
          again.updates.size() != job.updates.size())
        std::abort();
    }
  });
  tolerate([&] { sync::read_nearby_cases(nearby); });
  tolerate([&] { sync::read_update_answer(update); });
  tolerate([&] { sync::read_session_answer(session); });
  tolerate([&] { sync::read_verifier_list(verifiers); });
  return 0;
}
