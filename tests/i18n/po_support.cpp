#include "i18n/po_support.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace oneservice::i18n_testing {

CommandOutput run(const std::string& command) {
  CommandOutput result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  std::size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, got);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string quoted(const std::string& path) {
  std::string out = "'";
  for (const char c : path) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

namespace {

// The text of one PO string line: "..." with C escapes.
std::string unescape(const std::string& line) {
  const auto open = line.find('"');
  const auto close = line.rfind('"');
  std::string out;
  for (auto i = open + 1; i < close; ++i) {
    if (line[i] != '\\' || i + 1 >= close) {
      out += line[i];
      continue;
    }
    const char next = line[++i];
    out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
  }
  return out;
}

}  // namespace

std::vector<std::string> msgids(const std::string& po_text) {
  std::vector<std::string> ids;
  std::istringstream lines(po_text);
  std::string line;
  bool in_msgid = false;
  while (std::getline(lines, line)) {
    if (line.rfind("msgid \"", 0) == 0) {
      ids.push_back(unescape(line));
      in_msgid = true;
    } else if (in_msgid && line.rfind("\"", 0) == 0) {
      ids.back() += unescape(line);
    } else {
      in_msgid = false;
    }
  }
  ids.erase(std::remove(ids.begin(), ids.end(), std::string()), ids.end());
  return ids;
}

namespace {

// The strings of a PO text whose keyword `wanted` accepts (it is told
// whether the keyword is a msgstr), each with its continuation lines.
template <typename Wanted>
std::vector<std::string> strings_of(const std::string& po_text, Wanted wanted) {
  std::vector<std::string> strings;
  std::istringstream lines(po_text);
  bool in_string = false;
  for (std::string line; std::getline(lines, line);) {
    const bool is_msgid = line.rfind("msgid \"", 0) == 0 || line.rfind("msgid_plural \"", 0) == 0;
    const bool is_msgstr = line.rfind("msgstr \"", 0) == 0 || line.rfind("msgstr[", 0) == 0;
    if (is_msgid || is_msgstr) {
      in_string = wanted(is_msgstr);
      if (in_string) strings.push_back(unescape(line));
    } else if (in_string && line.rfind("\"", 0) == 0) {
      strings.back() += unescape(line);
    } else {
      in_string = false;
    }
  }
  return strings;
}

std::vector<std::string> without_header(std::vector<std::string> strings, std::size_t header_strings) {
  if (strings.size() >= header_strings && strings[0].empty())
    strings.erase(strings.begin(), strings.begin() + static_cast<std::ptrdiff_t>(header_strings));
  strings.erase(std::remove(strings.begin(), strings.end(), std::string()), strings.end());
  return strings;
}

}  // namespace

std::vector<std::string> all_strings(const std::string& po_text) {
  // The header (msgid "" and its msgstr of fields) is no one's words.
  return without_header(strings_of(po_text, [](bool) { return true; }), 2);
}

std::vector<std::string> translations(const std::string& po_text) {
  auto strings = strings_of(po_text, [](bool is_msgstr) { return is_msgstr; });
  // The header's msgstr holds its fields, not words.
  if (!strings.empty() && strings[0].find("Content-Type:") != std::string::npos) strings.erase(strings.begin());
  strings.erase(std::remove(strings.begin(), strings.end(), std::string()), strings.end());
  return strings;
}

std::vector<std::string> po_files() {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  const fs::path assets(ONESERVICE_ASSETS_DIR);
  auto add_from = [&](const fs::path& folder) {
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator(folder, ignored))
      if (entry.path().extension() == ".po") files.push_back(entry.path().string());
  };
  add_from(assets / "po");
  for (const auto& entry : fs::directory_iterator(assets))
    if (entry.is_directory()) add_from(entry.path() / "po");
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> selected_msgids(const std::string& options, const std::string& po_file) {
  const auto output = run("msgattrib " + options + " " + quoted(po_file));
  EXPECT_EQ(output.status, 0) << "msgattrib " << options << " " << po_file;
  return msgids(output.out);
}

}  // namespace oneservice::i18n_testing
