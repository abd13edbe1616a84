#include "central/open311/reply.h"

#include <httplib.h>

#include "central/open311/documents.h"
#include "central/open311/xml.h"

namespace oneservice::central::open311 {

using nlohmann::json;

std::string content_type(const std::string& format) {
  return format == "json" ? "application/json; charset=utf-8" : "text/xml; charset=utf-8";
}

void reply(httplib::Response& res, const std::string& format, int status, const json& document,
           const std::string& root, const std::string& item) {
  res.status = status;
  res.set_content(format == "json" ? document.dump(-1, ' ', false, json::error_handler_t::replace)
                                   : to_xml(document, root, item),
                  content_type(format));
}

void fail(httplib::Response& res, const std::string& format, int status, const std::vector<std::string>& messages) {
  std::vector<Error> errors;
  for (const auto& message : messages) errors.push_back({status, message});
  reply(res, format, status, errors_document(errors), "errors", "error");
}

}  // namespace oneservice::central::open311
