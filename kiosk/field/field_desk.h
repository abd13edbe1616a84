#pragma once
// The one door between the field screens and the tablet's store, sync
// engine and devices, as request_desk is for the kiosk. Screens see only
// the plain structs below, never a sync/ header: the owner of the app
// (kiosk/main.cpp, or a test) connects each part through FieldLinks, and a
// part left unconnected is a tablet without it (no GPS, no server).
//
// The desk holds the officer's view only: once someone has signed in,
// every read and write names them, and forget() drops everything read for
// them (lock and sign-out call it), so the next officer starts with
// nothing of the last one's in memory.
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/report_photo.h"
#include "platform/gps/fix.h"
#include "shared/clock.h"
#include "shared/request.h"

namespace oneservice::kiosk::field {

class PhotoDevices;  // kiosk/field/photo_devices.h

struct Officer {
  std::string name, role, team;
};

// The same outcomes as the tablet's sign-in (sync/staff_*), worded by the
// screens in the officer's language.
enum class SignInOutcome {
  SignedIn,
  WrongNameOrSecret,
  AccountDisabled,
  DeviceRefused,
  PinNotAllowed,
  NoConnection,
  ServerProblem,
  WrongPin,
  PinLocked,
  NoOfflineSignIn,
  PinExpired
};

struct SignInAnswer {
  SignInOutcome outcome = SignInOutcome::ServerProblem;
  Officer officer;
  int pins_left = 0;         // after a wrong PIN
  std::string server_words;  // the council's own message, when it sent one
};

using FieldPhoto = ReportPhoto;

struct DraftSummary {
  std::string client_id, local_ref, service_code, updated_at;
  bool complete = false;
  std::vector<std::string> problems;  // why it cannot be sent yet, in English for logs
};

struct Draft {
  ServiceRequest request;
  std::vector<FieldPhoto> photos;
};

struct BatchResult {
  int queued = 0;
  std::vector<DraftSummary> incomplete;
};

enum class SyncState { Sent, Waiting, NeedsAttention };
struct SyncLogEntry {
  std::string kind;       // report, photo, update
  std::string reference;  // the tablet's reference, or the council's once it has one
  std::string what;       // the service or job it is about
  std::string queued_at, sent_at;
  SyncState state = SyncState::Waiting;
  // Why it waits (no signal, a sign-in needed) or, needing attention, the
  // council's own words.
  std::string reason;
};

// A job a manager gave the officer, as the tablet keeps it for work with no
// signal (sync/job_records.h is the store's form).
struct JobAnswerLine {
  std::string question, answer;  // answer: the option names, joined
};
struct JobHistoryLine {
  std::string status, when, description, private_note, staff;
  bool applied = true;  // false: kept by the council but not applied
};
enum class UpdateState { Waiting, WaitingForSignIn, Sending, Sent, Conflict, NeedsAttention };
struct JobUpdateLine {
  std::string status, queued_at, sent_at;
  UpdateState state = UpdateState::Waiting;
  std::string council_words;
};
struct JobView {
  std::string id, status, service_code, service_name, description, address;
  std::optional<double> lat, lon;
  std::vector<JobAnswerLine> answers;
  std::vector<std::string> thumbnails;  // JPEG bytes, as far as the tablet has them
  std::vector<JobHistoryLine> history;  // oldest first
  std::vector<JobUpdateLine> queued;    // this officer's, oldest first
  bool conflict = false;                // an update of theirs was kept unapplied
};
struct JobNotice {
  std::int64_t id = 0;
  std::string job_id, reason /* reassigned, unassigned, closed */, at;
  bool had_unsent_work = false;
};
struct JobUpdate {
  std::string status;  // empty: a note only
  std::string public_note, private_note;
  std::vector<FieldPhoto> photos;
};

// An open case near a new report, of the same service ("Is it one of these?").
struct NearbyCase {
  std::string id, status, description, requested_at;
  double distance_m = 0;
  int supporters = 0;
};
inline constexpr double kDuplicateRadiusM = 250;

// The GPS reading as the tablet's receiver last gave it (platform/gps/).
using GpsFix = gps::Fix;
using GpsReading = gps::GpsReading;
using GpsState = gps::GpsState;

// What the app's owner connects; every part may be missing.
struct FieldLinks {
  // Sign-in. These may wait on the network or on a deliberately slow hash,
  // so the desk runs them off the frame loop.
  std::function<SignInAnswer(const std::string& name, const std::string& secret, const std::string& new_pin)>
      sign_in_online;
  std::function<SignInAnswer(const std::string& name, const std::string& pin)> sign_in_with_pin;
  std::function<std::vector<Officer>()> offline_sign_ins;
  std::function<void(const std::string& name)> sign_out;
  // Reports and drafts, each for the named officer.
  std::function<std::string(const ServiceRequest&, const std::vector<FieldPhoto>&, const std::string& staff)>
      queue_report;
  std::function<std::string(const ServiceRequest&, const std::vector<FieldPhoto>&, const std::string& staff)>
      save_draft;
  std::function<std::vector<DraftSummary>(const std::string& staff)> drafts_of;
  std::function<std::optional<Draft>(const std::string& client_id, const std::string& staff)> load_draft;
  std::function<void(const std::string& client_id, const std::string& staff)> delete_draft;
  std::function<BatchResult(const std::vector<std::string>& client_ids, const std::string& staff)> send_drafts;
  std::function<std::vector<SyncLogEntry>(const std::string& staff)> sync_log;
  std::function<void()> send_now;
  std::function<std::vector<JobView>(const std::string& staff)> jobs_of;
  std::function<std::string(const std::string& staff, const std::string& job_id, const JobUpdate&)> queue_job_update;
  std::function<std::vector<JobNotice>(const std::string& staff)> notices_of;
  std::function<void(const std::string& staff, std::int64_t id)> dismiss_notice;
  // Open cases near a point from the tablet's cache, nearest first; the
  // engine fills the cache around the area set (where the officer works).
  std::function<std::vector<NearbyCase>(const std::string& service_code, double lat, double lon)> cases_near;
  std::function<void(double lat, double lon)> set_area;
  std::function<std::string(const std::string& staff, const std::string& case_id, const JobUpdate&)> queue_join;
  std::function<bool()> online;               // the sync engine reached the council lately
  std::function<std::uint64_t()> generation;  // moves when the engine changed something
  std::function<GpsReading()> gps;
  // The camera, imports and thumbnails (owned by the app's owner, who has
  // the window's renderer); null: no photos can be added here.
  PhotoDevices* photo_devices = nullptr;
};

class FieldDesk {
 public:
  FieldDesk(FieldLinks links, Clock clock);
  ~FieldDesk();
  FieldDesk(const FieldDesk&) = delete;
  FieldDesk& operator=(const FieldDesk&) = delete;

  // Sign-in, started now and answered by a later frame's poll_sign_in().
  // Nothing happens while one is under way.
  void start_sign_in_online(const std::string& name, const std::string& secret, const std::string& new_pin);
  void start_sign_in_with_pin(const std::string& name, const std::string& pin);
  bool signing_in() const { return pending_.valid(); }
  // The answer once it came; a SignedIn answer makes that officer the one
  // every later call is for.
  std::optional<SignInAnswer> poll_sign_in();
  // Everything read for the officer goes, and the tablet forgets who they
  // are; sign_out also ends their session (when their queued work allows).
  void lock();
  void sign_out();
  const std::optional<Officer>& officer() const { return officer_; }

  bool can_sign_in_online() const { return static_cast<bool>(links_.sign_in_online); }
  bool online() const { return links_.online && links_.online(); }
  // Who may sign in with a PIN on this tablet (read once per page).
  const std::vector<Officer>& offline_officers();

  // The officer's reports. Each returns the tablet's reference, or empty
  // with `problem` set (for the log: never what was typed).
  std::string queue_report(const ServiceRequest& request, const std::vector<FieldPhoto>& photos, std::string& problem);
  std::string save_draft(const ServiceRequest& request, const std::vector<FieldPhoto>& photos, std::string& problem);
  const std::vector<DraftSummary>& drafts();
  std::optional<Draft> load_draft(const std::string& client_id);
  void delete_draft(const std::string& client_id);
  BatchResult send_drafts(const std::vector<std::string>& client_ids);
  const std::vector<SyncLogEntry>& sync_log();
  void send_now();
  bool can_send() const { return static_cast<bool>(links_.send_now); }

  // The officer's jobs (read once per page, or when the engine moves).
  const std::vector<JobView>& jobs();
  const JobView* job(const std::string& id);
  std::string queue_job_update(const std::string& job_id, const JobUpdate& update, std::string& problem);
  const std::vector<JobNotice>& notices();
  void dismiss_notice(std::int64_t id);

  // "Is it one of these?" and "Add my photos and notes to this one".
  std::vector<NearbyCase> cases_near(const std::string& service_code, double lat, double lon);
  void working_near(double lat, double lon);
  std::string queue_join(const std::string& case_id, const JobUpdate& notes_and_photos, std::string& problem);

  GpsReading gps() const;
  PhotoDevices* photos() const { return links_.photo_devices; }
  TimePoint now() const { return clock_.now(); }

  // Drops what was read, so the next page reads afresh.
  void forget();

 private:
  FieldLinks links_;
  Clock clock_;
  std::optional<Officer> officer_;
  std::future<SignInAnswer> pending_;
  // Reads again when the engine has moved on since the last read.
  void drop_if_moved();

  // Read once per page (forget() drops them), or when the engine moves.
  std::uint64_t read_generation_ = 0;
  std::optional<std::vector<Officer>> offline_officers_;
  std::optional<std::vector<DraftSummary>> drafts_;
  std::optional<std::vector<SyncLogEntry>> sync_log_;
  std::optional<std::vector<JobView>> jobs_;
  std::optional<std::vector<JobNotice>> notices_;
};

}  // namespace oneservice::kiosk::field
