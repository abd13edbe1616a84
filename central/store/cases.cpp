#include "central/store/cases.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "central/store/row_helpers.h"
#include "shared/geo_distance.h"
#include "shared/identity.h"
#include "shared/request_json.h"

namespace oneservice::central::store {
namespace {

constexpr std::string_view kCaseSelect =
    "SELECT c.id, c.client_id, coalesce(c.token, ''), c.service_code, c.status, c.status_notes, "
    "c.agency_responsible, c.responsible_area_id, c.service_notice, c.requested_datetime, "
    "c.updated_datetime, c.address, c.lat, c.lon, c.description, c.channel, coalesce(d.name, ''), "
    "c.request_json, c.version, c.needs_review, c.review_reason, c.media_urls, "
    "(SELECT count(*) FROM case_supporters s WHERE s.case_id = c.id) "
    "FROM cases c LEFT JOIN devices d ON d.id = c.device_id";

CaseRecord case_from_row(const sqlite::Statement& row) {
  CaseRecord record;
  record.service_request_id = std::to_string(row.integer(0));
  record.client_id = row.text(1);
  record.token = row.text(2);
  record.service_code = row.text(3);
  record.status = stored_status(row.text(4));
  record.status_notes = row.text(5);
  record.agency_responsible = row.text(6);
  record.responsible_area_id = row.text(7);
  record.service_notice = row.text(8);
  record.requested_datetime = row.text(9);
  record.updated_datetime = row.text(10);
  record.address = row.text(11);
  record.lat = row.real(12);
  record.lon = row.real(13);
  record.description = row.text(14);
  record.channel = row.text(15);
  record.device_name = row.text(16);
  record.request_json = row.text(17);
  record.version = row.integer(18);
  record.needs_review = row.integer(19) != 0;
  record.review_reason = row.text(20);
  record.media_urls = strings_from_json(row.text(21));
  record.supporters = row.integer(22);
  return record;
}

std::vector<std::string> split_codes(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto comma = list.find(',', start);
    const auto end = comma == std::string::npos ? list.size() : comma;
    auto code = list.substr(start, end - start);
    const auto first = code.find_first_not_of(" \t");
    const auto last = code.find_last_not_of(" \t");
    if (first != std::string::npos) out.push_back(code.substr(first, last - first + 1));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

void attach_media(sqlite3* db, std::vector<CaseRecord>& records) {
  attach_files(
      db, records, [](const CaseRecord& record) { return *parse_case_id(record.service_request_id); },
      "SELECT case_id, file_name, content_type FROM case_media "
      "WHERE case_id IN (SELECT value FROM json_each(?1)) ORDER BY case_id, position");
}

}  // namespace

std::optional<std::int64_t> parse_case_id(const std::string& text) {
  if (text.empty() || text.size() > 18 || text[0] == '0') return std::nullopt;
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

CreateResult create_case(sqlite3* db, const NewCase& new_case, const std::string& received) {
  ServiceRequest request = new_case.request;
  if (!new_case.channel.empty()) {
    const auto channel = parse_channel(new_case.channel);
    if (!channel) throw CentralStoreError(std::string("A case's channel must be ") + kChannelNames + ".");
    request.channel = *channel;
  }
  const auto channel = to_string(request.channel);
  CreateResult result;

  // The single writer makes this check-then-insert safe, including for two
  // creates with one client id in the same batch: the second sees the first.
  sqlite::Statement existing(db, "SELECT id, canonical_body, coalesce(token, '') FROM cases WHERE client_id = ?1");
  existing.bind(1, request.client_id);
  if (existing.step()) {
    if (existing.text(1) != new_case.canonical_body) {
      result.outcome = CreateOutcome::Conflict;
      return result;
    }
    result.outcome = CreateOutcome::Duplicate;
    result.service_request_id = std::to_string(existing.integer(0));
    result.token = existing.text(2);
    return result;
  }

  if (new_case.batch) result.token = make_uuid_v4();
  sqlite::Statement insert(
      db,
      "INSERT INTO cases (client_id, canonical_body, token, service_code, status, is_open, status_notes, "
      "agency_responsible, responsible_area_id, service_notice, requested_datetime, updated_datetime, "
      "device_created_at, address, lat, lon, description, channel, device_id, request_json, media_urls, "
      "staff_id, reported_for, assisted_via) "
      "VALUES (?1, ?2, ?3, ?4, 'OPEN', 1, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
      "?19, ?20, ?21)");
  insert.bind(1, request.client_id).bind(2, new_case.canonical_body);
  if (new_case.batch)
    insert.bind(3, result.token);
  else
    insert.bind_null(3);
  insert.bind(4, request.service_code)
      .bind(5, std::string_view(kReceivedNote))
      .bind(6, new_case.agency_responsible)
      .bind(7, new_case.responsible_area_id)
      .bind(8, new_case.service_notice)
      .bind(9, received)
      .bind(10, request.created_at)
      .bind(11, request.location.address_string)
      .bind(12, request.location.lat)
      .bind(13, request.location.lon)
      .bind(14, request.description)
      .bind(15, channel);
  if (new_case.device_id != 0)
    insert.bind(16, new_case.device_id);
  else
    insert.bind_null(16);
  insert.bind(17, request_to_json(request)).bind(18, json_array(new_case.media_urls));
  // Who made it (schema step 3): the member of staff and, on the assisted
  // channel, whom it was reported for and how.
  if (new_case.staff_id > 0)
    insert.bind(19, new_case.staff_id);
  else
    insert.bind_null(19);
  insert.bind(20, request.reported_for ? to_string(*request.reported_for) : "")
      .bind(21, request.assisted_via ? to_string(*request.assisted_via) : "")
      .run();
  const auto case_id = sqlite::last_insert_id(db);

  insert_files(db, "INSERT INTO case_media (case_id, position, file_name, content_type) VALUES (?1, ?2, ?3, ?4)",
               case_id, new_case.media);

  result.outcome = CreateOutcome::Created;
  result.service_request_id = std::to_string(case_id);
  return result;
}

std::optional<CaseRecord> load_case(sqlite3* db, std::int64_t case_id) {
  sqlite::Statement select(db, std::string(kCaseSelect) + " WHERE c.id = ?1");
  select.bind(1, case_id);
  if (!select.step()) return std::nullopt;
  std::vector<CaseRecord> records{case_from_row(select)};
  attach_media(db, records);
  return std::move(records.front());
}

std::optional<std::string> case_for_token(sqlite3* db, const std::string& token) {
  sqlite::Statement select(db, "SELECT id FROM cases WHERE token = ?1");
  select.bind(1, token);
  if (!select.step()) return std::nullopt;
  return std::to_string(select.integer(0));
}

namespace {

// Open cases within the radius, nearest first: a box on the index, then
// the true distance.
std::vector<CaseRecord> near_cases(sqlite3* db, const CaseQuery& query) {
  const auto& near = *query.near;
  const double dlat = near.radius_m / kEarthRadiusM * 180.0 / kPi;
  const double cos_lat = std::max(std::cos(radians(near.lat)), 1e-6);
  const double dlon = std::min(180.0, dlat / cos_lat);
  std::string sql(kCaseSelect);
  sql += " WHERE c.is_open = 1 AND c.lat BETWEEN ?1 AND ?2 AND c.lon BETWEEN ?3 AND ?4";
  const auto codes = split_codes(query.service_code);
  if (!codes.empty()) sql += " AND c.service_code IN (SELECT value FROM json_each(?5))";
  sqlite::Statement select(db, sql);
  select.bind(1, near.lat - dlat).bind(2, near.lat + dlat).bind(3, near.lon - dlon).bind(4, near.lon + dlon);
  if (!codes.empty()) select.bind(5, json_array(codes));
  std::vector<CaseRecord> records;
  while (select.step()) {
    auto record = case_from_row(select);
    const double distance = metres_between(near.lat, near.lon, *record.lat, *record.lon);
    if (distance > near.radius_m) continue;
    record.distance_m = distance;
    records.push_back(std::move(record));
  }
  std::stable_sort(records.begin(), records.end(),
                   [](const CaseRecord& a, const CaseRecord& b) { return *a.distance_m < *b.distance_m; });
  if (records.size() > query.limit) records.resize(query.limit);
  attach_media(db, records);
  return records;
}

}  // namespace

std::vector<CaseRecord> search_cases(sqlite3* db, const CaseQuery& query) {
  if (query.near && query.ids.empty()) return near_cases(db, query);
  std::string sql(kCaseSelect);
  std::vector<std::string> conditions;
  std::vector<std::string> texts;  // bound in order as ?1, ?2, ...
  const auto parameter = [&](std::string value) {
    texts.push_back(std::move(value));
    return "?" + std::to_string(texts.size());
  };

  if (!query.ids.empty()) {
    // Open311: ids override every other filter.
    conditions.push_back("c.id IN (SELECT value FROM json_each(" + parameter(json_array(parse_case_ids(query.ids))) +
                         "))");
  } else {
    if (const auto codes = split_codes(query.service_code); !codes.empty())
      conditions.push_back("c.service_code IN (SELECT value FROM json_each(" + parameter(json_array(codes)) + "))");
    if (!query.start_date.empty()) conditions.push_back("c.requested_datetime >= " + parameter(query.start_date));
    if (!query.end_date.empty()) conditions.push_back("c.requested_datetime <= " + parameter(query.end_date));
    if (query.status == "open") conditions.push_back("c.is_open = 1");
    if (query.status == "closed") conditions.push_back("c.is_open = 0");
  }
  for (std::size_t i = 0; i < conditions.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  sql += " ORDER BY c.requested_datetime DESC, c.id DESC LIMIT ?" + std::to_string(texts.size() + 1);

  sqlite::Statement select(db, sql);
  int index = 0;
  for (const auto& text : texts) select.bind(++index, text);
  select.bind(++index, limit_of(query.limit));
  std::vector<CaseRecord> records;
  while (select.step()) records.push_back(case_from_row(select));
  attach_media(db, records);
  return records;
}

}  // namespace oneservice::central::store
