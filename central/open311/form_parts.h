#pragma once
// A POST's body split the way Open311 clients send it: form fields from an
// urlencoded body or from a multipart body's plain parts, and file parts.
//
// A multipart part is a file when it has a file name or a content type other
// than text (HTTP::Request::Common, FixMyStreet's client library, sends text
// fields with neither): a file is never read as a text field, whatever its
// name. Files are photos when their bytes are an image (shared/media_type),
// whatever their name (our devices' "media", FixMyStreet's photo1..photoN).
// Other files (FixMyStreet's file_KEY enquiry files) are not kept and do not
// refuse the request.
#include <cstddef>
#include <string>
#include <vector>

#include "central/open311/post_fields.h"

namespace httplib {
struct Request;
class ContentReader;
}  // namespace httplib

namespace oneservice::central::open311 {

struct PostedForm {
  Fields fields;
  // Bytes of each photo in the order sent (photo2 before photo10). Parts
  // named "media" are always here, image or not, so the intake can tell our
  // own devices that a photo is not one.
  std::vector<std::string> photos;

  std::vector<std::string_view> photo_views() const;
};

// Reads the body through the handler's content reader, so httplib's own
// 8,192-byte cap on urlencoded bodies (compiled into Debian's library) never
// refuses a long report; the server's payload cap still applies. Fields in
// the address's query string count too.
PostedForm read_form(const httplib::Request& req, const httplib::ContentReader& content);

}  // namespace oneservice::central::open311
