#pragma once
// Thrown when a document (catalogue, request, config) cannot be read. The
// message names the place ("answers.speed_limit") and says what to do, so a
// tool can print it as it is.
#include <stdexcept>
#include <string>

namespace oneservice {

class FormatError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace oneservice
