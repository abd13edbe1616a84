#include "central/open311/api.h"

#include <httplib.h>

#include <chrono>
#include <cmath>
#include <exception>
#include <sstream>

#include "central/i18n/translator.h"
#include "central/media/thumbnail_cache.h"
#include "central/intake/limits.h"
#include "central/intake/messages.h"
#include "central/open311/documents.h"
#include "central/open311/messages.h"
#include "central/open311/form_parts.h"
#include "central/open311/media.h"
#include "central/open311/officer_update.h"
#include "central/open311/post_fields.h"
#include "central/open311/reply.h"
#include "central/open311/update_fields.h"
#include "central/open311/staff_auth.h"
#include "central/open311/xml.h"
#include "shared/text.h"

namespace oneservice::central::open311 {
namespace {

using nlohmann::json;

constexpr auto kMaxSearchWindow = std::chrono::hours(24 * 90);
constexpr const char* kFormats = "(json|xml)";

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, ','))
    if (!trim(item).empty()) out.push_back(trim(item));
  return out;
}

}  // namespace

// Responses that never change while the server runs (the catalogue's) are
// made once: GET services is the hottest read and the benchmark's baseline.
struct Api::Cache {
  std::string services_json, services_xml, etag;
  std::map<std::string, std::pair<std::string, std::string>> definitions;  // code -> json, xml
};

Api::Api(CaseStore& store, const Catalogue& catalogue, const Boundaries& boundaries, ApiOptions options, Clock clock)
    : store_(store), catalogue_(catalogue), options_(options), clock_(clock),
      intake_(store, catalogue, boundaries, std::move(clock)), update_intake_(store), staff_api_(store),
      jobs_api_(store, catalogue, options.https), cache_(std::make_unique<Cache>()) {
  const auto services = services_document(catalogue_);
  cache_->services_json = services.dump();
  cache_->services_xml = to_xml(services, "services", "service");
  cache_->etag = "\"" + catalogue_.changeset + "\"";
  for (const auto& service : catalogue_.services) {
    const auto definition = definition_document(service);
    cache_->definitions[service.service_code] = {definition.dump(), to_xml(definition, "service_definition", "")};
  }
}

Api::~Api() = default;

std::string Api::base_url(const httplib::Request& req) const { return public_base_url(req, options_.https); }

void Api::install(httplib::Server& server) {
  const std::string v2 = "/open311/v2/";
  server.Get(v2 + "discovery\\." + kFormats, [this](const httplib::Request& req, httplib::Response& res) {
    discovery(req, res, req.matches[1]);
  });
  server.Get(v2 + "services\\." + kFormats, [this](const httplib::Request& req, httplib::Response& res) {
    services(req, res, req.matches[1]);
  });
  server.Get(v2 + "services/([^/]+)\\." + kFormats, [this](const httplib::Request& req, httplib::Response& res) {
    definition(req, res, req.matches[1], req.matches[2]);
  });
  // POSTs read their own bodies (form_parts.h): httplib's library would
  // refuse an urlencoded body over 8 KB, a long FixMyStreet report.
  server.Post(v2 + "requests\\." + kFormats,
              [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& content) {
                create(req, res, content, req.matches[1]);
              });
  server.Get(v2 + "requests\\." + kFormats, [this](const httplib::Request& req, httplib::Response& res) {
    search(req, res, req.matches[1]);
  });
  server.Post(v2 + "requests/([^/]+)/supporters\\." + kFormats,
              [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& content) {
                support(req, res, content, req.matches[1], req.matches[2]);
              });
  server.Get(v2 + "requests/([^/]+)\\." + kFormats, [this](const httplib::Request& req, httplib::Response& res) {
    one(req, res, req.matches[1], req.matches[2]);
  });
  server.Get(v2 + "tokens/([^/]+)\\." + kFormats, [this](const httplib::Request& req, httplib::Response& res) {
    token(res, req.matches[1], req.matches[2]);
  });
  server.Get(v2 + "servicerequestupdates\\." + kFormats, [this](const httplib::Request& req, httplib::Response& res) {
    updates(req, res, req.matches[1]);
  });
  staff_api_.install(server, v2);
  jobs_api_.install(server, v2);
  server.Post(v2 + "servicerequestupdates\\." + kFormats,
              [this](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& content) {
                post_update(req, res, content, req.matches[1]);
              });
  server.Get("/media/([^/]+)", [this](const httplib::Request& req, httplib::Response& res) {
    media(req, res, req.matches[1]);
  });
  // An exception escaping a handler would otherwise reach httplib, which
  // puts its text in a response header: answer Open311's way, say nothing
  // about the inside.
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    const bool json_path = req.path.size() > 5 && req.path.compare(req.path.size() - 5, 5, ".json") == 0;
    fail(res, json_path ? "json" : "xml", 500, {"Something went wrong on the council's server: try again later"});
  });
  // Anything else: Open311's 404, in XML unless the path asked for JSON.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (res.status != 404 || !res.body.empty()) return;
    const bool json_path = req.path.size() > 5 && req.path.compare(req.path.size() - 5, 5, ".json") == 0;
    fail(res, json_path ? "json" : "xml", 404, {"There is no such page: check the address"});
  });
}

void Api::discovery(const httplib::Request& req, httplib::Response& res, const std::string& format) const {
  reply(res, format, 200, discovery_document(catalogue_, base_url(req)), "discovery", "");
}

void Api::services(const httplib::Request& req, httplib::Response& res, const std::string& format) const {
  res.set_header("ETag", cache_->etag);
  if (req.get_header_value("If-None-Match") == cache_->etag) {
    res.status = 304;
    return;
  }
  res.set_content(format == "json" ? cache_->services_json : cache_->services_xml, content_type(format));
}

void Api::definition(const httplib::Request& req, httplib::Response& res, const std::string& code,
                     const std::string& format) const {
  const auto found = cache_->definitions.find(code);
  if (found == cache_->definitions.end()) return fail(res, format, 404, {"There is no service with the code " + code});
  res.set_header("ETag", cache_->etag);
  if (req.get_header_value("If-None-Match") == cache_->etag) {
    res.status = 304;
    return;
  }
  res.set_content(format == "json" ? found->second.first : found->second.second, content_type(format));
}

namespace {

json created_document(const IntakeResult& result) {
  json created = {{"service_notice", result.service_notice}, {"account_id", ""}};
  if (result.batch) created["token"] = result.created.token;
  else created["service_request_id"] = result.created.service_request_id;
  return created;
}

int http_status(IntakeOutcome outcome) {
  switch (outcome) {
    case IntakeOutcome::Accepted: return 200;
    case IntakeOutcome::NotAllowed: return 403;
    case IntakeOutcome::NotSignedIn: return 401;
    case IntakeOutcome::Refused: return 400;
    case IntakeOutcome::PhotoFailed: return 500;
    case IntakeOutcome::StoreFailed: return 503;
  }
  return 500;
}

}  // namespace

void Api::create(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& content,
                 const std::string& format) {
  Submission submission;
  const auto form = read_form(req, content);
  auto posted = read_post_fields(form.fields);
  submission.photos = form.photo_views();
  submission.request = std::move(posted.request);
  submission.api_key = std::move(posted.api_key);
  submission.media_urls = std::move(posted.media_urls);
  submission.problems = std::move(posted.problems);
  submission.idempotency_key = req.get_header_value("Idempotency-Key");
  submission.staff_token = bearer_token(req);
  submission.language = i18n::choose_language("", req.get_header_value("Accept-Language"));
  const auto result = intake_.receive(std::move(submission));
  if (result.outcome != IntakeOutcome::Accepted) return fail(res, format, http_status(result.outcome), result.messages);
  reply(res, format, 200, json::array({created_document(result)}), "service_requests", "request");
}

namespace {

int http_status(UpdateIntakeOutcome outcome) {
  switch (outcome) {
    case UpdateIntakeOutcome::Accepted: return 200;
    case UpdateIntakeOutcome::NotAllowed: return 403;
    case UpdateIntakeOutcome::UnknownCase: return 404;
    case UpdateIntakeOutcome::Refused: return 400;
    case UpdateIntakeOutcome::PhotoFailed: return 500;
    case UpdateIntakeOutcome::StoreFailed: return 503;
  }
  return 500;
}

}  // namespace

void Api::post_update(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& content,
                      const std::string& format) {
  const auto form = read_form(req, content);
  auto submission = read_update_fields(form.fields);
  submission.photos = form.photo_views();
  // The staff hook: only a checked staff session (an officer's device) gets
  // its private_note and base_version read (central/open311/officer_update.h).
  const bool staff = is_staff_update(req);
  if (staff && !take_staff_fields(store_, req, res, format, form.fields, submission)) return;
  const auto result = update_intake_.receive(submission);
  if (result.outcome != UpdateIntakeOutcome::Accepted)
    return fail(res, format, http_status(result.outcome), result.messages);
  // FixMyStreet reads $obj->{request_update}->[0]->{update_id}.
  json item = {{"update_id", std::to_string(result.stored.update.update_id)}};
  if (result.stored.outcome == UpdateOutcome::Flagged) item["needs_review"] = true;
  if (staff) add_staff_answer(store_, result.stored, item);
  reply(res, format, 200, json::array({item}), "service_request_updates", "request_update");
}

void Api::search(const httplib::Request& req, httplib::Response& res, const std::string& format) const {
  if (req.has_param("lat") || req.has_param("long")) return nearby(req, res, format);
  CaseQuery query;
  if (req.has_param("service_request_id")) query.ids = split_list(req.get_param_value("service_request_id"));
  query.service_code = req.get_param_value("service_code");
  query.status = req.get_param_value("status");
  if (!query.status.empty() && query.status != "open" && query.status != "closed")
    return fail(res, format, 400, {"status must be open or closed"});
  // Open311: without dates, the last 90 days; never a window over 90 days.
  const auto now = clock_.now();
  std::optional<TimePoint> start, end;
  for (const auto& [name, slot] : {std::pair{"start_date", &start}, std::pair{"end_date", &end}}) {
    const auto text = req.get_param_value(name);
    if (text.empty()) continue;
    *slot = parse_iso8601(text);
    if (!*slot) return fail(res, format, 400, {std::string(name) + " must be a date and time like 2026-11-22T09:00:00Z"});
  }
  if (!end) end = start ? *start + kMaxSearchWindow : now;
  if (!start) start = *end - kMaxSearchWindow;
  if (*end < *start) return fail(res, format, 400, {"end_date must be after start_date"});
  if (*end - *start > kMaxSearchWindow)
    return fail(res, format, 400, {"start_date and end_date must be no more than 90 days apart"});
  query.start_date = format_utc(*start);
  query.end_date = format_utc(*end);
  json list = json::array();
  const auto media_base = base_url(req) + "/media/";
  for (const auto& record : store_.search(query)) list.push_back(request_document(record, catalogue_, media_base));
  reply(res, format, 200, list, "service_requests", "request");
}

namespace {

std::optional<double> number_param(const httplib::Request& req, const char* name) {
  const auto text = trim(req.get_param_value(name));
  if (text.empty()) return std::nullopt;
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    if (used == text.size() && std::isfinite(value)) return value;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

}  // namespace

void Api::nearby(const httplib::Request& req, httplib::Response& res, const std::string& format) const {
  const auto lat = number_param(req, "lat");
  const auto lon = number_param(req, "long");
  if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180)
    return fail(res, format, 400, {kNearbyNeedsPoint});
  double radius = kDefaultNearbyRadiusM;
  if (req.has_param("radius")) {
    const auto sent = number_param(req, "radius");
    if (!sent || *sent < 1 || *sent > kMaxNearbyRadiusM) return fail(res, format, 400, {kNearbyBadRadius});
    radius = *sent;
  }
  CaseQuery query;
  query.near = NearQuery{*lat, *lon, radius};
  query.service_code = req.get_param_value("service_code");
  query.limit = kMaxNearbyCases;
  json list = json::array();
  const auto media_base = base_url(req) + "/media/";
  for (const auto& record : store_.search(query)) list.push_back(request_document(record, catalogue_, media_base));
  reply(res, format, 200, list, "service_requests", "request");
}

void Api::support(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& content,
                  const std::string& id, const std::string& format) {
  const auto form = read_form(req, content);
  const auto field = [&](const char* name) {
    const auto found = form.fields.find(name);
    return found == form.fields.end() ? std::string() : trim(found->second);
  };
  const auto key = field("api_key");
  const auto device = key.empty() ? std::nullopt : store_.authenticate(key);
  if (!device) return fail(res, format, 403, {messages::kBadKey});
  NewSupporter supporter;
  supporter.service_request_id = id;
  supporter.device_id = device->id;
  supporter.client_id = field("client_id");
  const auto header = trim(req.get_header_value("Idempotency-Key"));
  if (supporter.client_id.empty()) supporter.client_id = header;
  if (supporter.client_id.empty()) return fail(res, format, 400, {kSupporterNeedsClientId});
  if (!header.empty() && header != supporter.client_id) return fail(res, format, 400, {messages::kTwoClientIds});
  SupportResult result;
  try {
    result = store_.add_supporter(supporter);
  } catch (const CentralStoreError&) {
    return fail(res, format, 503, {kSupporterNotSaved});
  }
  switch (result.outcome) {
    case SupportOutcome::UnknownCase: return fail(res, format, 404, {"There is no request with the reference " + id});
    case SupportOutcome::KeyReused: return fail(res, format, 400, {kSupporterIdReused});
    case SupportOutcome::Closed: return fail(res, format, 400, {kSupporterCaseClosed});
    case SupportOutcome::Added:
    case SupportOutcome::Duplicate: break;
  }
  reply(res, format, 200, json::array({{{"service_request_id", id}, {"supporters", result.supporters}}}),
        "service_requests", "request");
}

void Api::one(const httplib::Request& req, httplib::Response& res, const std::string& id,
              const std::string& format) const {
  const auto record = store_.find(id);
  if (!record) return fail(res, format, 404, {"There is no request with the reference " + id});
  reply(res, format, 200, json::array({request_document(*record, catalogue_, base_url(req) + "/media/")}),
        "service_requests", "request");
}

void Api::token(httplib::Response& res, const std::string& token, const std::string& format) const {
  const auto id = store_.resolve_token(token);
  if (!id) return fail(res, format, 404, {"There is no request with that token"});
  reply(res, format, 200, json::array({{{"service_request_id", *id}, {"token", token}}}), "service_requests",
        "request");
}

void Api::updates(const httplib::Request& req, httplib::Response& res, const std::string& format) const {
  UpdateQuery query;
  for (const auto& [name, slot] : {std::pair{"start_date", &query.start_date}, std::pair{"end_date", &query.end_date}}) {
    const auto text = req.get_param_value(name);
    if (text.empty()) continue;
    const auto when = parse_iso8601(text);
    if (!when) return fail(res, format, 400, {std::string(name) + " must be a date and time like 2026-11-22T09:00:00Z"});
    *slot = format_utc(*when);
  }
  if (req.has_param("service_request_id"))
    query.service_request_ids = split_list(req.get_param_value("service_request_id"));
  json list = json::array();
  const auto media_base = base_url(req) + "/media/";
  for (const auto& update : store_.updates(query)) list.push_back(update_document(update, media_base));
  reply(res, format, 200, list, "service_request_updates", "request_update");
}

void Api::media(const httplib::Request& req, httplib::Response& res, const std::string& name) const {
  const auto size = req.get_param_value("size");
  if (!size.empty() && size != "thumb" && size != "full") return fail(res, "xml", 400, {kPhotoSizeMessage});
  if (!is_safe_media_name(name)) return fail(res, "xml", 404, {kNoSuchPhotoMessage});
  const auto photo = served_photo(store_.media_dir(), name, size == "thumb");
  if (!photo) return fail(res, "xml", 404, {kNoSuchPhotoMessage});
  res.set_content(photo->bytes, image_type(photo->bytes).value_or("application/octet-stream"));
}

}  // namespace oneservice::central::open311
