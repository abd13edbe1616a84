#pragma once
// Words a resident reads that shared/ writes (validation messages) but that
// the channel showing them translates. shared/ holds no i18n library: it
// writes English message templates with named placeholders, marks them for
// xgettext with gettext_noop, and asks a Wording for the words before
// filling the placeholders in. The kiosk's Wording translates; the server
// and the command line pass Wording::english() by name.
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace oneservice {

// msgid -> the words to show for it. There is no default and no empty one:
// every function that words a message takes one, so a caller that forgets
// the resident's language (a Welsh page answered in English) does not
// compile, and English is a choice written where it is made.
class Wording {
 public:
  using Hook = std::function<std::string(const std::string& msgid)>;
  // Throws std::invalid_argument for an empty hook: English is english().
  explicit Wording(Hook hook);
  // The msgids as written: the server's, the CLI's and the tests' words.
  static Wording english();

  std::string operator()(const std::string& msgid) const { return hook_(msgid); }

 private:
  Hook hook_;
};

// Marks a literal for scripts/update-translations.sh (xgettext) without
// translating it where it is written; it is translated where it is shown.
constexpr const char* gettext_noop(const char* msgid) { return msgid; }

// The words for msgid in this wording.
std::string say(const Wording& wording, const char* msgid);

// Fills "{name}" placeholders: format("{label} must be {max} or less",
// {{"label", "Depth"}, {"max", "100"}}). Translations may put placeholders in
// any order or leave one out, which printf-style patterns cannot do. Values
// are inserted as they are and never scanned again; a brace that does not
// open a known name is kept as written.
std::string format(std::string pattern,
                   std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace oneservice
