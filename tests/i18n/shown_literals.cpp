#include "i18n/shown_literals.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

namespace oneservice::i18n_testing {
namespace {

// The source with comments blanked out (new lines kept, so line numbers
// stay right) and string literals left as they are.
std::string without_comments(const std::string& source) {
  std::string out = source;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '"' || out[i] == '\'') {
      const char quote = out[i];
      for (++i; i < out.size() && out[i] != quote; ++i)
        if (out[i] == '\\') ++i;
    } else if (out.compare(i, 2, "//") == 0) {
      for (; i < out.size() && out[i] != '\n'; ++i) out[i] = ' ';
    } else if (out.compare(i, 2, "/*") == 0) {
      const auto end = out.find("*/", i + 2);
      const auto stop = end == std::string::npos ? out.size() : end + 2;
      for (; i < stop; ++i)
        if (out[i] != '\n') out[i] = ' ';
      --i;
    }
  }
  return out;
}

// The text with every literal's inside blanked, so a call written inside a
// string is not taken for one.
std::string without_literal_contents(const std::string& text) {
  std::string out = text;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] != '"' && out[i] != '\'') continue;
    const char quote = out[i];
    for (++i; i < out.size() && out[i] != quote; ++i) {
      if (out[i] == '\\' && i + 1 < out.size()) out[i++] = ' ';
      out[i] = ' ';
    }
  }
  return out;
}

// Past the string or character literal that opens at `at`.
std::size_t skip_literal(const std::string& text, std::size_t at) {
  const char quote = text[at];
  for (++at; at < text.size() && text[at] != quote; ++at)
    if (text[at] == '\\') ++at;
  return at + 1;
}

// The arguments of the call whose "(" is at `open`, split at top-level commas.
std::vector<std::string> arguments(const std::string& text, std::size_t open) {
  std::vector<std::string> args(1);
  int depth = 0;
  for (std::size_t i = open + 1; i < text.size();) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      const auto end = skip_literal(text, i);
      args.back().append(text, i, end - i);
      i = end;
      continue;
    }
    if (depth == 0 && c == ')') break;
    if (depth == 0 && c == ',') {
      args.emplace_back();
    } else {
      if (c == '(' || c == '{' || c == '[') ++depth;
      if (c == ')' || c == '}' || c == ']') --depth;
      args.back() += c;
    }
    ++i;
  }
  return args;
}

// The name just before arg[at] (a "("), spaces between allowed.
std::string name_before(const std::string& arg, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && arg[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && (std::isalnum(static_cast<unsigned char>(arg[begin - 1])) || arg[begin - 1] == '_')) --begin;
  return arg.substr(begin, end - begin);
}

bool has_letters(const std::string& literal) {
  for (std::size_t i = 1; i + 1 < literal.size(); ++i) {
    if (literal[i] == '\\') {
      ++i;  // an escape (\n, \t) is not a word
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(literal[i])) || static_cast<unsigned char>(literal[i]) >= 0x80)
      return true;
  }
  return false;
}

// The literals with letters in an argument, outside the calls that translate
// or say "shown as it is".
void find_bare_literals(const std::string& arg, std::vector<std::string>& found) {
  for (std::size_t i = 0; i < arg.size();) {
    if (arg[i] == '(') {
      const auto name = name_before(arg, i);
      if (name == "tr" || name == "trn" || name == "gettext_noop" || name == "verbatim") {
        int depth = 0;  // skip the wrapper's own arguments
        for (; i < arg.size(); ++i) {
          if (arg[i] == '"' || arg[i] == '\'') {
            i = skip_literal(arg, i) - 1;
            continue;
          }
          if (arg[i] == '(') ++depth;
          if (arg[i] == ')' && --depth == 0) break;
        }
        ++i;
        continue;
      }
    }
    if (arg[i] == '"' || arg[i] == '\'') {
      const auto end = skip_literal(arg, i);
      const std::string literal = arg.substr(i, end - i);
      // {"count", n}: a placeholder's name for format(), never shown.
      const auto before = arg.find_last_not_of(' ', i == 0 ? 0 : i - 1);
      const auto after = arg.find_first_not_of(' ', end);
      const bool placeholder = i > 0 && before != std::string::npos && arg[before] == '{' &&
                               after != std::string::npos && arg[after] == ',';
      if (arg[i] == '"' && has_letters(literal) && !placeholder) found.push_back(literal);
      i = end;
      continue;
    }
    ++i;
  }
}

}  // namespace

std::vector<ShownLiteral> untranslated_shown_literals(const std::string& source) {
  // Each drawing call and which of its arguments are shown (-1: all).
  static const std::map<std::string, std::vector<int>> shown = {
      {"heading", {1}},        {"paragraph", {1}},        {"hint", {1}},   {"error_message", {1}},
      {"panel", {1, 2}},       {"primary_button", {1}},   {"secondary_button", {1}},
      {"key_button", {1}},     {"choice", {1}},           {"TextUnformatted", {-1}},
      {"Text", {-1}},          {"TextWrapped", {-1}},     {"BulletText", {-1}}, {"Button", {-1}},
      {"AddText", {-1}},       {"SetTooltip", {-1}},
  };
  static const std::regex call(
      R"(\b(ui::|ImGui::|->|\.)?(heading|paragraph|hint|error_message|panel|primary_button|secondary_button|key_button|choice|TextUnformatted|Text|TextWrapped|BulletText|Button|AddText|SetTooltip)\s*\()");
  const std::string text = without_comments(source);
  const std::string code = without_literal_contents(text);
  std::vector<ShownLiteral> found;
  for (auto it = std::sregex_iterator(code.begin(), code.end(), call); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    const std::string prefix = m[1].str(), name = m[2].str();
    // ImGui's own names only as ImGui's (or a draw list's); the kiosk's
    // widgets with or without ui:: (inside namespace ui).
    const bool imgui_name = name == "TextUnformatted" || name == "Text" || name == "TextWrapped" ||
                            name == "BulletText" || name == "Button" || name == "AddText" || name == "SetTooltip";
    if (imgui_name ? prefix == "ui::" || prefix.empty() : prefix == "ImGui::" || prefix == "." || prefix == "->")
      continue;
    const auto open = static_cast<std::size_t>(m.position(0) + m.length(0) - 1);
    const auto args = arguments(text, open);
    const auto& which = shown.at(name);
    std::vector<std::string> literals;
    for (std::size_t a = 0; a < args.size(); ++a)
      if (which.front() == -1 || std::find(which.begin(), which.end(), static_cast<int>(a)) != which.end())
        find_bare_literals(args[a], literals);
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + m.position(0), '\n'));
    for (const auto& literal : literals) found.push_back({line, prefix + name, literal});
  }
  return found;
}

}  // namespace oneservice::i18n_testing
