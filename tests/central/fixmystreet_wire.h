#pragma once
// FixMyStreet's client (perllib/Open311.pm) on the wire, rebuilt for tests:
// bodies exactly as HTTP::Request::Common writes them, and answers read the
// way its XML::Simple settings see them. Our own code, not FixMyStreet's.
#include <httplib.h>

#include <string>
#include <utility>
#include <vector>

namespace oneservice::central::test {

// Parameters in the order given; a name may repeat (an arrayref in Perl:
// media_url with multi_photos, a multi-answer attribute[code]).
using Params = std::vector<std::pair<std::string, std::string>>;

// POST $uri, \%params: URI's query_form encoding (space as '+', every byte
// but A-Z a-z 0-9 - . _ ~ as %XX), application/x-www-form-urlencoded.
std::string urlencoded(const Params& params);

// A file part as Open311.pm builds one: [undef, $filename, Content_Type =>
// ..., Content => ...]; an empty content_type leaves the header out.
struct Upload {
  std::string name, filename, content_type, content;
};

// POST $uri, Content_Type => 'form-data', Content => [...]: text fields as
// parts with no filename and no Content-Type, then the uploads, with
// HTTP::Request::Common's boundary and CRLF line ends.
inline constexpr const char* kBoundary = "xYzZY";
std::string form_data(const Params& params, const std::vector<Upload>& uploads);

// Named apart from staff_http.h's Answer: both are in this namespace in one test binary.
struct WireAnswer {
  int status = 0;
  std::string body;
};

WireAnswer post_urlencoded(int port, const std::string& path, const Params& params);
WireAnswer post_form_data(int port, const std::string& path, const Params& params, const std::vector<Upload>& uploads);
WireAnswer get_path(int port, const std::string& path);

// Open311.pm's _get_xml_object then ->{request_update}->[0]->{update_id}
// (or ->{request}->[0]->{service_request_id}): the text of ROOT/ITEM[0]/FIELD
// when ITEM is a direct child of the root and FIELD holds text only (XML::
// Simple would give a hash for anything else, and FixMyStreet refuses a
// reference). Empty when FixMyStreet would not find it.
std::string fms_read(const std::string& xml, const std::string& root, const std::string& item, const std::string& field);

// The errors FixMyStreet's _process_error would list: "code: description".
std::vector<std::string> fms_errors(const std::string& xml);

// A JPEG's first bytes (all the server judges), with a tail to tell photos apart.
std::string jpeg(const std::string& tail);

}  // namespace oneservice::central::test
