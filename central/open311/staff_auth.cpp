#include "central/open311/staff_auth.h"

#include <httplib.h>

#include <algorithm>

#include "central/open311/reply.h"
#include "central/staff_messages.h"

namespace oneservice::central::open311 {

namespace msg = staff_messages;

std::string request_field(const httplib::Request& req, const std::string& name) {
  if (req.has_param(name)) return req.get_param_value(name);
  if (req.has_file(name)) return req.get_file_value(name).content;
  return {};
}

std::string bearer_token(const httplib::Request& req) {
  const auto header = req.get_header_value("Authorization");
  constexpr std::string_view scheme = "Bearer ";
  if (header.size() <= scheme.size()) return {};
  // The scheme is case-insensitive (RFC 9110 11.1).
  for (std::size_t i = 0; i < scheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(header[i])) != std::tolower(static_cast<unsigned char>(scheme[i])))
      return {};
  auto token = header.substr(scheme.size());
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.pop_back();
  return token;
}

std::optional<Device> require_device(const CaseStore& store, const httplib::Request& req, httplib::Response& res,
                                     const std::string& format) {
  const auto key = request_field(req, "api_key");
  auto device = key.empty() ? std::nullopt : store.authenticate(key);
  if (!device) fail(res, format, 403, {msg::kDeviceKeyRefused});
  return device;
}

std::optional<StaffSession> require_staff(const CaseStore& store, const httplib::Request& req,
                                          httplib::Response& res, const std::string& format,
                                          std::initializer_list<StaffRole> allowed) {
  const auto device = require_device(store, req, res, format);
  if (!device) return std::nullopt;
  const auto token = bearer_token(req);
  if (token.empty()) {
    fail(res, format, 401, {msg::kNotSignedIn});
    res.set_header("WWW-Authenticate", "Bearer realm=\"oneservice\"");
    return std::nullopt;
  }
  auto session = store.staff_session(token, device->id);
  if (!session) {
    fail(res, format, 401, {msg::kSessionEnded});
    res.set_header("WWW-Authenticate", "Bearer realm=\"oneservice\", error=\"invalid_token\"");
    return std::nullopt;
  }
  if (allowed.size() != 0 && std::find(allowed.begin(), allowed.end(), session->staff.role) == allowed.end()) {
    fail(res, format, 403, {msg::kRoleNotAllowed});
    return std::nullopt;
  }
  return session;
}

}  // namespace oneservice::central::open311
