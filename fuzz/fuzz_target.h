#pragma once
// The one function every fuzz target defines (libFuzzer's entry point). The
// same file builds two ways (fuzz/CMakeLists.txt): with clang's libFuzzer as
// a fuzzer, or with replay_main.cpp as a program that feeds it the corpus.
//
// A target catches only the errors its parser promises (FormatError, a JSON
// exception...). Anything else escaping, a sanitizer report, or a broken
// invariant (abort) is a crash.
#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace oneservice::fuzz {

inline std::string as_text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// The input cut at its first NUL byte: targets fed several documents at once
// (an answer and its header, a list and a definition) take them this way.
inline std::string take_part(std::string& rest) {
  const auto cut = rest.find('\0');
  std::string part = rest.substr(0, cut);
  rest = cut == std::string::npos ? std::string() : rest.substr(cut + 1);
  return part;
}

}  // namespace oneservice::fuzz
