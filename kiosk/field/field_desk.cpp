#include "kiosk/field/field_desk.h"

#include <exception>

#include "kiosk/field/photo_devices.h"

namespace oneservice::kiosk::field {
namespace {

// A store busy or unreadable for a moment reads as nothing yet; the page
// reads again when it is next shown.
template <typename T, typename Read>
T read_or_empty(Read&& read) {
  try {
    return read();
  } catch (const std::exception&) {
    return T{};
  }
}

// A write for the signed-in officer: the store's id or reference, or empty
// with the reason in `problem` (for the log: never what was typed).
template <typename Write>
std::string written(bool ready, std::string& problem, Write&& write) {
  problem.clear();
  if (!ready) {
    problem = "The tablet's store is not open.";
    return {};
  }
  try {
    return write();
  } catch (const std::exception& error) {
    problem = error.what();
    return {};
  }
}

}  // namespace

FieldDesk::FieldDesk(FieldLinks links, Clock clock) : links_(std::move(links)), clock_(std::move(clock)) {}

FieldDesk::~FieldDesk() {
  if (pending_.valid()) pending_.wait();  // the sign-in's thread uses links_
}

void FieldDesk::start_sign_in_online(const std::string& name, const std::string& secret, const std::string& new_pin) {
  if (pending_.valid()) return;
  if (!links_.sign_in_online) {
    std::promise<SignInAnswer> none;
    none.set_value({SignInOutcome::NoConnection, {}, 0, {}});
    pending_ = none.get_future();
    return;
  }
  pending_ = std::async(std::launch::async, [link = links_.sign_in_online, name, secret, new_pin] {
    try {
      return link(name, secret, new_pin);
    } catch (const std::exception&) {
      return SignInAnswer{SignInOutcome::ServerProblem, {}, 0, {}};
    }
  });
}

void FieldDesk::start_sign_in_with_pin(const std::string& name, const std::string& pin) {
  if (pending_.valid()) return;
  if (!links_.sign_in_with_pin) {
    std::promise<SignInAnswer> none;
    none.set_value({SignInOutcome::NoOfflineSignIn, {}, 0, {}});
    pending_ = none.get_future();
    return;
  }
  pending_ = std::async(std::launch::async, [link = links_.sign_in_with_pin, name, pin] {
    try {
      return link(name, pin);
    } catch (const std::exception&) {
      return SignInAnswer{SignInOutcome::ServerProblem, {}, 0, {}};
    }
  });
}

std::optional<SignInAnswer> FieldDesk::poll_sign_in() {
  if (!pending_.valid() || pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
  SignInAnswer answer = pending_.get();
  if (answer.outcome == SignInOutcome::SignedIn) {
    forget();
    officer_ = answer.officer;
  }
  return answer;
}

void FieldDesk::lock() {
  forget();
  if (links_.photo_devices) links_.photo_devices->forget();
  officer_.reset();
}

void FieldDesk::sign_out() {
  if (officer_ && links_.sign_out) {
    try {
      links_.sign_out(officer_->name);
    } catch (const std::exception&) {
      // The tablet forgets them anyway; the session ends at the next sync.
    }
  }
  lock();
}

const std::vector<Officer>& FieldDesk::offline_officers() {
  if (!offline_officers_)
    offline_officers_ =
        links_.offline_sign_ins ? read_or_empty<std::vector<Officer>>(links_.offline_sign_ins) : std::vector<Officer>{};
  return *offline_officers_;
}

std::string FieldDesk::queue_report(const ServiceRequest& request, const std::vector<FieldPhoto>& photos,
                                    std::string& problem) {
  auto written_id = written(officer_ && links_.queue_report, problem,
                            [&] { return links_.queue_report(request, photos, officer_->name); });
  if (!written_id.empty()) forget();
  return written_id;
}

std::string FieldDesk::save_draft(const ServiceRequest& request, const std::vector<FieldPhoto>& photos,
                                  std::string& problem) {
  auto written_id = written(officer_ && links_.save_draft, problem,
                            [&] { return links_.save_draft(request, photos, officer_->name); });
  if (!written_id.empty()) drafts_.reset();
  return written_id;
}

void FieldDesk::drop_if_moved() {
  if (!links_.generation) return;
  const auto now = links_.generation();
  if (now == read_generation_) return;
  read_generation_ = now;
  drafts_.reset();
  sync_log_.reset();
  jobs_.reset();
  notices_.reset();
}

const std::vector<JobView>& FieldDesk::jobs() {
  drop_if_moved();
  if (!jobs_)
    jobs_ = officer_ && links_.jobs_of
                ? read_or_empty<std::vector<JobView>>([&] { return links_.jobs_of(officer_->name); })
                : std::vector<JobView>{};
  return *jobs_;
}

const JobView* FieldDesk::job(const std::string& id) {
  for (const auto& job : jobs())
    if (job.id == id) return &job;
  return nullptr;
}

std::string FieldDesk::queue_job_update(const std::string& job_id, const JobUpdate& update, std::string& problem) {
  auto written_id = written(officer_ && links_.queue_job_update, problem,
                            [&] { return links_.queue_job_update(officer_->name, job_id, update); });
  if (!written_id.empty()) forget();
  return written_id;
}

std::vector<NearbyCase> FieldDesk::cases_near(const std::string& service_code, double lat, double lon) {
  if (!links_.cases_near) return {};
  return read_or_empty<std::vector<NearbyCase>>([&] { return links_.cases_near(service_code, lat, lon); });
}

void FieldDesk::working_near(double lat, double lon) {
  if (links_.set_area)
    read_or_empty<bool>([&] {
      links_.set_area(lat, lon);
      return true;
    });
}

std::string FieldDesk::queue_join(const std::string& case_id, const JobUpdate& notes_and_photos, std::string& problem) {
  auto written_id = written(officer_ && links_.queue_join, problem,
                            [&] { return links_.queue_join(officer_->name, case_id, notes_and_photos); });
  if (!written_id.empty()) forget();
  return written_id;
}

const std::vector<JobNotice>& FieldDesk::notices() {
  drop_if_moved();
  if (!notices_)
    notices_ = officer_ && links_.notices_of
                   ? read_or_empty<std::vector<JobNotice>>([&] { return links_.notices_of(officer_->name); })
                   : std::vector<JobNotice>{};
  return *notices_;
}

void FieldDesk::dismiss_notice(std::int64_t id) {
  if (officer_ && links_.dismiss_notice)
    read_or_empty<bool>([&] {
      links_.dismiss_notice(officer_->name, id);
      return true;
    });
  notices_.reset();
}

const std::vector<DraftSummary>& FieldDesk::drafts() {
  drop_if_moved();
  if (!drafts_)
    drafts_ = officer_ && links_.drafts_of
                  ? read_or_empty<std::vector<DraftSummary>>([&] { return links_.drafts_of(officer_->name); })
                  : std::vector<DraftSummary>{};
  return *drafts_;
}

std::optional<Draft> FieldDesk::load_draft(const std::string& client_id) {
  if (!officer_ || !links_.load_draft) return std::nullopt;
  return read_or_empty<std::optional<Draft>>([&] { return links_.load_draft(client_id, officer_->name); });
}

void FieldDesk::delete_draft(const std::string& client_id) {
  if (!officer_ || !links_.delete_draft) return;
  read_or_empty<bool>([&] {
    links_.delete_draft(client_id, officer_->name);
    return true;
  });
  drafts_.reset();
}

BatchResult FieldDesk::send_drafts(const std::vector<std::string>& client_ids) {
  if (!officer_ || !links_.send_drafts) return {};
  auto result = read_or_empty<BatchResult>([&] { return links_.send_drafts(client_ids, officer_->name); });
  forget();
  return result;
}

const std::vector<SyncLogEntry>& FieldDesk::sync_log() {
  drop_if_moved();
  if (!sync_log_)
    sync_log_ = officer_ && links_.sync_log
                    ? read_or_empty<std::vector<SyncLogEntry>>([&] { return links_.sync_log(officer_->name); })
                    : std::vector<SyncLogEntry>{};
  return *sync_log_;
}

void FieldDesk::send_now() {
  if (links_.send_now) links_.send_now();
  sync_log_.reset();
}

GpsReading FieldDesk::gps() const { return links_.gps ? links_.gps() : GpsReading{}; }

void FieldDesk::forget() {
  offline_officers_.reset();
  drafts_.reset();
  sync_log_.reset();
  jobs_.reset();
  notices_.reset();
}

}  // namespace oneservice::kiosk::field
