#pragma once
// What a resident types as their reference, read the way they meant it.
#include <optional>
#include <string>

namespace oneservice::central::public_pages {

struct Reference {
  enum class Kind { Device, Council } kind = Kind::Device;
  std::string text;  // "OS-5BCJ-N6Z1", or the council's id "17"
};

// "os 5bcj n6z1", "OS5BCJN6Z1", "OS-5BCJ-N6ZI" (I for 1, O for 0: Crockford
// base32, as shared/identity.h writes them) -> OS-5BCJ-N6Z1; "17" -> 17.
// nullopt for anything else.
std::optional<Reference> read_reference(const std::string& typed);

}  // namespace oneservice::central::public_pages
