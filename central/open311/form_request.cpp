#include "central/open311/form_request.h"

namespace oneservice::central::open311 {

httplib::Request with_form_fields(const httplib::Request& req, const Fields& fields) {
  httplib::Request out;
  out.method = req.method;
  out.path = req.path;
  out.headers = req.headers;
  for (const auto& [name, value] : fields) out.params.emplace(name, value);
  return out;
}

}  // namespace oneservice::central::open311
