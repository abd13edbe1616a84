#include "central/case_store.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <system_error>

#include "central/store/api_keys.h"
#include "central/store/cases.h"
#include "central/store/group_commit_writer.h"
#include "central/store/password_hash.h"
#include "central/store/pin_verifiers.h"
#include "central/store/jobs.h"
#include "central/store/provenance.h"
#include "central/store/public_data.h"
#include "central/store/read_pool.h"
#include "central/store/residents.h"
#include "central/store/reports.h"
#include "central/store/schema.h"
#include "central/store/staff.h"
#include "central/store/supporters.h"
#include "central/store/updates.h"

namespace oneservice::central {

namespace {

namespace fs = std::filesystem;

void make_folder(const std::string& folder) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error || !fs::is_directory(folder))
    throw CentralStoreError("The folder " + folder + " cannot be created: " +
                            (error ? error.message() : std::string("a file with that name is in the way")));
}

// Query bounds arrive in any ISO 8601 form; the store holds "...T..:..:..Z",
// which sorts as text in time order.
std::string normalised_time(const std::string& text, const char* field) {
  if (text.empty()) return {};
  const auto when = parse_iso8601(text);
  if (!when) throw CentralStoreError(std::string(field) + " is not an ISO 8601 date or date and time.");
  return format_utc(*when);
}

}  // namespace

struct CaseStore::Impl {
  Impl(const std::string& data_dir, Clock clock_in)
      : path(data_dir + "/central.sqlite3"), media(data_dir + "/media"), clock(std::move(clock_in)) {
    store::start_sodium();
    make_folder(data_dir);
    make_folder(media);
    auto db = store::open_writer(path);  // migrates before anything else runs
    readers = std::make_unique<store::ReadPool>(path);
    writer = std::make_unique<store::GroupCommitWriter>(std::move(db), path);
  }

  std::string now() const { return format_utc(clock.now()); }

  template <typename Read>
  auto read(const std::string& doing, Read&& body) const {
    try {
      auto lease = readers->borrow();
      return body(lease.get());
    } catch (const sqlite::Failure& failure) {
      throw CentralStoreError("The case store " + path + " failed while " + doing + ": " + failure.what());
    }
  }

  std::string path;
  std::string media;
  Clock clock;
  store::HashLimits secret_limits = store::kSecretLimits;
  store::HashLimits pin_limits = store::kPinLimits;
  std::unique_ptr<store::ReadPool> readers;
  // Declared last so it is destroyed first: the writer drains its queue while
  // everything it may use is still alive.
  std::unique_ptr<store::GroupCommitWriter> writer;
};

CaseStore::CaseStore(const std::string& data_dir) : CaseStore(data_dir, Clock{}) {}

CaseStore::CaseStore(const std::string& data_dir, Clock clock)
    : impl_(std::make_unique<Impl>(data_dir, std::move(clock))) {}

CaseStore::~CaseStore() = default;

CreateResult CaseStore::create(const NewCase& new_case) {
  const auto& client_id = new_case.request.client_id;
  if (client_id.empty()) throw CentralStoreError("A case needs the request's client id; it was empty.");
  if (new_case.request.service_code.empty())
    throw CentralStoreError("A case needs a service code; it was empty.");
  const auto received = impl_->now();
  CreateResult result;
  impl_->writer->submit(
      [&](sqlite3* db) { result = store::create_case(db, new_case, received); },
      "the case for client id " + client_id);
  return result;
}

std::optional<CaseRecord> CaseStore::find(const std::string& service_request_id) const {
  const auto id = store::parse_case_id(service_request_id);
  if (!id) return std::nullopt;
  return impl_->read("reading case " + service_request_id, [&](sqlite3* db) {
    sqlite::ReadSnapshot snapshot(db);
    return store::load_case(db, *id);
  });
}

std::optional<std::string> CaseStore::resolve_token(const std::string& token) const {
  if (token.empty()) return std::nullopt;
  return impl_->read("looking up a token", [&](sqlite3* db) { return store::case_for_token(db, token); });
}

std::optional<CreateResult> CaseStore::existing(const std::string& client_id, const std::string& canonical_body) const {
  if (client_id.empty()) return std::nullopt;
  return impl_->read("looking up a resend", [&](sqlite3* db) -> std::optional<CreateResult> {
    sqlite::Statement select(db, "SELECT id, canonical_body, coalesce(token, '') FROM cases WHERE client_id = ?1");
    select.bind(1, client_id);
    if (!select.step()) return std::nullopt;
    CreateResult result;
    if (select.text(1) != canonical_body) {
      result.outcome = CreateOutcome::Conflict;
      return result;
    }
    result.outcome = CreateOutcome::Duplicate;
    result.service_request_id = std::to_string(select.integer(0));
    result.token = select.text(2);
    return result;
  });
}

std::vector<CaseRecord> CaseStore::search(const CaseQuery& query) const {
  CaseQuery normalised = query;
  if (normalised.ids.empty()) {
    normalised.start_date = normalised_time(query.start_date, "start_date");
    normalised.end_date = normalised_time(query.end_date, "end_date");
    if (!query.status.empty() && query.status != "open" && query.status != "closed")
      throw CentralStoreError("status must be open or closed.");
  }
  return impl_->read("searching cases", [&](sqlite3* db) {
    sqlite::ReadSnapshot snapshot(db);
    return store::search_cases(db, normalised);
  });
}

std::vector<CaseUpdate> CaseStore::updates(const UpdateQuery& query) const {
  UpdateQuery normalised = query;
  normalised.start_date = normalised_time(query.start_date, "start_date");
  normalised.end_date = normalised_time(query.end_date, "end_date");
  return impl_->read("listing updates", [&](sqlite3* db) { return store::list_updates(db, normalised); });
}

UpdateResult CaseStore::add_update(const NewUpdate& update) {
  const auto id = store::parse_case_id(update.service_request_id);
  if (!id) return {UpdateOutcome::UnknownCase, {}};
  const auto received = impl_->now();
  UpdateResult result;
  // Ids only in the name: the update's text may be personal.
  impl_->writer->submit([&](sqlite3* db) { result = store::append_update(db, *id, update, received); },
                        "an update to case " + std::to_string(*id));
  return result;
}

SupportResult CaseStore::add_supporter(const NewSupporter& supporter) {
  const auto id = store::parse_case_id(supporter.service_request_id);
  if (!id) return {SupportOutcome::UnknownCase, 0};
  if (supporter.client_id.empty() || supporter.device_id == 0)
    throw CentralStoreError("A supporter needs a device and the device's client id.");
  const auto received = impl_->now();
  SupportResult result;
  impl_->writer->submit([&](sqlite3* db) { result = store::add_supporter(db, *id, supporter, received); },
                        "a supporter of case " + std::to_string(*id));
  return result;
}

std::vector<CaseUpdate> CaseStore::history(const std::string& service_request_id) const {
  const auto id = store::parse_case_id(service_request_id);
  if (!id) return {};
  return impl_->read("reading the history of case " + std::to_string(*id),
                     [&](sqlite3* db) { return store::case_history(db, *id); });
}

std::string CaseStore::add_key(const std::string& name, const std::string& channel, Device* created) {
  if (name.empty()) throw CentralStoreError("A device key needs a name.");
  if (!store::is_known_channel(channel))
    throw CentralStoreError(std::string("A device's channel must be ") + kChannelNames + ".");
  const auto key = store::new_plain_key();
  const auto hash = store::sha256_hex(key);
  Device device;
  impl_->writer->submit([&](sqlite3* db) { device = store::insert_device(db, name, channel, hash, impl_->now()); },
                        "a new device key");
  if (created) *created = device;
  return key;
}

std::vector<Device> CaseStore::list_keys() const {
  return impl_->read("listing device keys", [](sqlite3* db) { return store::list_devices(db); });
}

bool CaseStore::revoke_key(std::int64_t device_id) {
  bool revoked = false;
  impl_->writer->submit([&](sqlite3* db) { revoked = store::revoke_device(db, device_id, impl_->now()); },
                        "revoking device " + std::to_string(device_id));
  return revoked;
}

std::optional<Device> CaseStore::authenticate(const std::string& plain_key) const {
  if (plain_key.empty()) return std::nullopt;
  const auto hash = store::sha256_hex(plain_key);
  return impl_->read("checking a device key", [&](sqlite3* db) { return store::find_working_device(db, hash); });
}

StaffMember CaseStore::add_staff(const std::string& name, StaffRole role, const std::string& team,
                                 const std::string& secret) {
  store::check_staff_name(name);
  store::check_team(team);
  store::check_secret(secret);
  const auto hash = store::argon2id_hash(secret, impl_->secret_limits);
  StaffMember member;
  impl_->writer->submit(
      [&](sqlite3* db) { member = store::insert_staff(db, name, role, team, hash, impl_->now()); },
      "a new member of staff");
  return member;
}

std::vector<StaffMember> CaseStore::list_staff() const {
  return impl_->read("listing staff", [](sqlite3* db) { return store::list_staff(db); });
}

std::optional<StaffMember> CaseStore::find_staff(const std::string& name) const {
  if (name.empty()) return std::nullopt;
  return impl_->read("looking up a member of staff", [&](sqlite3* db) -> std::optional<StaffMember> {
    auto row = store::find_staff_row(db, name);
    if (!row) return std::nullopt;
    return row->member;
  });
}

bool CaseStore::disable_staff(const std::string& name) {
  bool disabled = false;
  impl_->writer->submit([&](sqlite3* db) { disabled = store::disable_staff(db, name, impl_->now()); },
                        "disabling a member of staff");
  return disabled;
}

bool CaseStore::reset_staff_secret(const std::string& name, const std::string& secret) {
  store::check_secret(secret);
  const auto hash = store::argon2id_hash(secret, impl_->secret_limits);
  bool reset = false;
  impl_->writer->submit([&](sqlite3* db) { reset = store::set_staff_secret(db, name, hash, impl_->now()); },
                        "a new secret for a member of staff");
  return reset;
}

SignInResult CaseStore::sign_in(const SignIn& attempt) {
  SignInResult result;
  const auto row = attempt.name.empty()
                       ? std::nullopt
                       : impl_->read("looking up a member of staff",
                                     [&](sqlite3* db) { return store::find_staff_row(db, attempt.name); });
  // An unknown name costs the same Argon2id work as a wrong secret, so the
  // answer's time does not say whether the name exists.
  if (!row) {
    store::argon2id_hash(attempt.secret, impl_->secret_limits);
    return result;
  }
  if (!store::argon2id_verify(row->secret_hash, attempt.secret)) return result;
  if (!row->member.disabled_at.empty()) {
    result.outcome = SignInOutcome::Disabled;
    return result;
  }
  const bool staff_tablet = attempt.device_channel == "field" || attempt.device_channel == "assisted";
  if (!attempt.pin.empty() && (!staff_tablet || !store::is_acceptable_pin(attempt.pin))) {
    result.outcome = SignInOutcome::PinRefused;
    return result;
  }
  const auto now_point = impl_->clock.now();
  const auto now = format_utc(now_point);
  result.token = store::new_plain_key();
  result.session = {row->member, attempt.device_id,
                    format_utc(now_point + std::chrono::hours(store::kSessionHours))};
  if (!attempt.pin.empty()) {
    PinVerifier verifier;
    verifier.staff = row->member;
    verifier.verifier = store::argon2id_hash(attempt.pin, impl_->pin_limits);
    verifier.fingerprint = store::sha256_hex(verifier.verifier);
    verifier.issued_at = now;
    verifier.expires_at = format_utc(now_point + std::chrono::hours(24 * store::kVerifierDays));
    result.verifier = std::move(verifier);
  }
  const auto token_hash = store::sha256_hex(result.token);
  impl_->writer->submit(
      [&](sqlite3* db) {
        store::insert_session(db, row->member.id, attempt.device_id, token_hash, now, result.session.expires_at);
        if (result.verifier)
          result.verifier->id = store::issue_verifier(db, row->member.id, attempt.device_id,
                                                      result.verifier->fingerprint, now, result.verifier->expires_at);
      },
      "a staff sign-in");
  result.outcome = SignInOutcome::SignedIn;
  return result;
}

std::optional<StaffSession> CaseStore::staff_session(const std::string& token, std::int64_t device_id) const {
  if (token.empty()) return std::nullopt;
  const auto hash = store::sha256_hex(token);
  return impl_->read("checking a staff session",
                     [&](sqlite3* db) { return store::find_live_session(db, hash, device_id, impl_->now()); });
}

bool CaseStore::sign_out(const std::string& token, std::int64_t device_id) {
  if (token.empty()) return false;
  const auto hash = store::sha256_hex(token);
  bool ended = false;
  impl_->writer->submit([&](sqlite3* db) { ended = store::end_session(db, hash, device_id, impl_->now()); },
                        "a staff sign-out");
  return ended;
}

std::optional<StaffMember> CaseStore::session_owner(const std::string& token, std::int64_t device_id) const {
  if (token.empty()) return std::nullopt;
  const auto hash = store::sha256_hex(token);
  return impl_->read("checking a staff session", [&](sqlite3* db) { return store::session_owner(db, hash, device_id); });
}

std::vector<PinVerifier> CaseStore::pin_verifiers(std::int64_t device_id) const {
  return impl_->read("listing PIN verifiers",
                     [&](sqlite3* db) { return store::verifiers_for_device(db, device_id, impl_->now()); });
}

void CaseStore::use_hash_limits(store::HashLimits secret, store::HashLimits pin) {
  impl_->secret_limits = secret;
  impl_->pin_limits = pin;
}

std::vector<TopIssueRow> CaseStore::top_issues(const std::string& since, const std::string& period) const {
  store::period_format(period);  // refuses an unknown period before any SQL
  const auto from = normalised_time(since, "since");
  return impl_->read("counting top issues", [&](sqlite3* db) { return store::count_top_issues(db, from, period); });
}

std::vector<ChannelRow> CaseStore::channels(const std::string& since, const std::string& period) const {
  store::period_format(period);
  const auto from = normalised_time(since, "since");
  return impl_->read("counting channels", [&](sqlite3* db) { return store::count_channels(db, from, period); });
}

std::vector<StaffReportRow> CaseStore::staff_report(const std::string& since, const std::string& period) const {
  store::period_format(period);
  const auto from = normalised_time(since, "since");
  return impl_->read("counting cases by staff", [&](sqlite3* db) { return store::count_by_staff(db, from, period); });
}

std::vector<AssistedReportRow> CaseStore::assisted_report(const std::string& since, const std::string& period) const {
  store::period_format(period);
  const auto from = normalised_time(since, "since");
  return impl_->read("counting assisted cases", [&](sqlite3* db) { return store::count_assisted(db, from, period); });
}

AssignResult CaseStore::assign(const std::string& service_request_id, const std::string& officer,
                               std::int64_t by_staff_id) {
  AssignResult result;
  result.service_request_id = service_request_id;
  const auto id = store::parse_case_id(service_request_id);
  if (!id) return result;  // UnknownCase
  impl_->writer->submit(
      [&](sqlite3* db) { result = store::assign_case(db, *id, officer, by_staff_id, impl_->now()); },
      "assigning case " + service_request_id);
  return result;
}

UnassignResult CaseStore::unassign(const std::string& service_request_id) {
  UnassignResult result;
  result.service_request_id = service_request_id;
  const auto id = store::parse_case_id(service_request_id);
  if (!id) return result;  // UnknownCase
  impl_->writer->submit([&](sqlite3* db) { result = store::unassign_case(db, *id); },
                        "unassigning case " + service_request_id);
  return result;
}

JobsPage CaseStore::jobs(std::int64_t staff_id, std::int64_t cursor, std::size_t limit) const {
  const auto page_size = std::clamp<std::size_t>(limit, 1, store::kMaxJobsPage);
  return impl_->read("reading an officer's jobs", [&](sqlite3* db) {
    sqlite::ReadSnapshot snapshot(db);
    return store::jobs_after(db, staff_id, cursor, page_size);
  });
}

std::vector<FlaggedCase> CaseStore::flagged() const {
  return impl_->read("listing flagged cases", [](sqlite3* db) {
    sqlite::ReadSnapshot snapshot(db);
    return store::flagged_cases(db);
  });
}

std::optional<std::int64_t> CaseStore::version_after_update(std::int64_t update_id) const {
  return impl_->read("reading an update's version",
                     [&](sqlite3* db) { return store::version_after_update(db, update_id); });
}

bool CaseStore::clear_flag(const std::string& service_request_id) {
  const auto id = store::parse_case_id(service_request_id);
  if (!id) return false;
  bool cleared = false;
  impl_->writer->submit([&](sqlite3* db) { cleared = store::clear_case_flag(db, *id); },
                        "clearing the flag of case " + service_request_id);
  return cleared;
}

std::vector<CaseRecord> CaseStore::find_by_reference(const std::string& reference) const {
  if (reference.empty()) return {};
  return impl_->read("finding a reference", [&](sqlite3* db) {
    sqlite::ReadSnapshot snapshot(db);
    return store::cases_with_reference(db, reference);
  });
}

std::vector<PublicCase> CaseStore::public_cases(const std::string& since, std::size_t limit) const {
  const auto from = normalised_time(since, "since");
  return impl_->read("reading public cases", [&](sqlite3* db) { return store::public_cases(db, from, limit); });
}

std::vector<QueuedMail> CaseStore::due_mail(std::size_t limit) const {
  return impl_->read("reading the mail queue", [&](sqlite3* db) { return store::due_mail(db, impl_->now(), limit); });
}

void CaseStore::mail_sent(std::int64_t mail_id) {
  impl_->writer->submit([&](sqlite3* db) { store::mark_mail_sent(db, mail_id, impl_->now()); },
                        "marking email " + std::to_string(mail_id) + " sent");
}

void CaseStore::mail_failed(std::int64_t mail_id, const std::string& error, std::chrono::seconds retry_in,
                            bool give_up) {
  const auto now = impl_->clock.now();
  impl_->writer->submit(
      [&](sqlite3* db) {
        store::mark_mail_failed(db, mail_id, error, format_utc(now + retry_in), give_up, format_utc(now));
      },
      "marking email " + std::to_string(mail_id) + " not sent");
}

StopResult CaseStore::stop_mail(const std::string& token) {
  if (token.empty()) return {};
  StopResult result;
  impl_->writer->submit([&](sqlite3* db) { result = store::stop_mail(db, token, impl_->now()); },
                        "stopping a case's emails");
  return result;
}

StopResult CaseStore::mail_stop_state(const std::string& token) const {
  if (token.empty()) return {};
  return impl_->read("reading an unsubscribe link", [&](sqlite3* db) { return store::mail_stop_state(db, token); });
}

namespace {

std::string address_key(const std::string& address) {
  std::string out;
  for (const char c : address)
    if (c != ' ' && c != '\t') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

LinkOutcome CaseStore::request_sign_in_link(const SignInLinkRequest& request) {
  const auto now = impl_->clock.now();
  store::NewLink link;
  link.plain_token = store::new_plain_key();
  link.token_sha256 = store::sha256_hex(link.plain_token);
  link.address = address_key(request.address);
  link.language = request.language;
  link.requester_sha256 = store::sha256_hex(request.requester);
  if (link.address.empty()) throw CentralStoreError("A sign-in link needs an address.");
  LinkOutcome outcome = LinkOutcome::Queued;
  impl_->writer->submit(
      [&](sqlite3* db) {
        outcome = store::insert_link(db, link, format_utc(now), format_utc(now - std::chrono::hours(1)),
                                     format_utc(now + std::chrono::minutes(store::kLinkMinutes)));
      },
      "a resident's sign-in link");
  return outcome;
}

std::vector<SignInMail> CaseStore::due_sign_in_mail(std::size_t limit) const {
  return impl_->read("reading the sign-in emails",
                     [&](sqlite3* db) { return store::due_sign_in_mail(db, impl_->now(), limit); });
}

void CaseStore::sign_in_mail_done(std::int64_t id, bool sent, std::chrono::seconds retry_in, bool give_up) {
  const auto now = impl_->clock.now();
  impl_->writer->submit(
      [&](sqlite3* db) { store::mark_sign_in_mail(db, id, sent, format_utc(now + retry_in), give_up, format_utc(now)); },
      "a sign-in email's outcome");
}

std::optional<ResidentSession> CaseStore::sign_in_with_link(const std::string& token) {
  if (token.empty()) return std::nullopt;
  const auto now = impl_->clock.now();
  ResidentSession session;
  session.token = store::new_plain_key();
  session.expires_at = format_utc(now + std::chrono::minutes(store::kResidentSessionMinutes));
  bool signed_in = false;
  impl_->writer->submit(
      [&](sqlite3* db) {
        const auto address = store::use_link(db, store::sha256_hex(token), format_utc(now));
        if (!address) return;
        session.address = *address;
        store::insert_resident_session(db, store::sha256_hex(session.token), *address, format_utc(now),
                                       session.expires_at);
        signed_in = true;
      },
      "a resident's sign-in");
  if (!signed_in) return std::nullopt;
  return session;
}

std::optional<std::string> CaseStore::resident_address(const std::string& session_token) const {
  if (session_token.empty()) return std::nullopt;
  return impl_->read("checking a resident's sign-in", [&](sqlite3* db) {
    return store::live_resident_session(db, store::sha256_hex(session_token), impl_->now());
  });
}

void CaseStore::sign_out_resident(const std::string& session_token) {
  if (session_token.empty()) return;
  impl_->writer->submit(
      [&](sqlite3* db) { store::end_resident_session(db, store::sha256_hex(session_token), impl_->now()); },
      "a resident's sign-out");
}

std::vector<CaseRecord> CaseStore::cases_for_address(const std::string& address) const {
  const auto key = address_key(address);
  if (key.empty()) return {};
  return impl_->read("listing a resident's requests", [&](sqlite3* db) {
    sqlite::ReadSnapshot snapshot(db);
    std::vector<CaseRecord> out;
    for (const auto& id : store::case_ids_for_address(db, key))
      if (auto record = store::load_case(db, *store::parse_case_id(id))) out.push_back(std::move(*record));
    return out;
  });
}

const std::string& CaseStore::path() const { return impl_->path; }

std::string CaseStore::media_dir() const { return impl_->media; }

std::uint64_t CaseStore::commits() const { return impl_->writer->commits(); }

std::size_t CaseStore::writes_waiting() const { return impl_->writer->waiting(); }

std::size_t CaseStore::writes_queued() const { return impl_->writer->queued(); }

}  // namespace oneservice::central
