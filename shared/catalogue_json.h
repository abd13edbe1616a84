#pragma once
// Reads the catalogue document (assets/<council>/catalogue.json): Open311
// service and definition fields side by side, plus the extensions in README.
#include <string>
#include <string_view>

#include "shared/catalogue.h"
#include "shared/format_error.h"

namespace oneservice {

// Throws FormatError naming the first problem (bad JSON with line and column,
// a missing field, a condition pointing at a later or unknown question...).
Catalogue parse_catalogue(std::string_view json_text);

// Reads and parses a file; FormatError names the file on any failure.
Catalogue load_catalogue_file(const std::string& path);

std::string to_string(Datatype datatype);

}  // namespace oneservice
