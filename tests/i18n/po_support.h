#pragma once
// Reading translation files in tests. gettext's own tools select messages
// (msgattrib --untranslated, --only-fuzzy, --translated) and make templates
// (xgettext, through scripts/update-translations.sh); msgids() lists the
// messages in what they print.
#include <string>
#include <vector>

namespace oneservice::i18n_testing {

struct CommandOutput {
  int status = -1;  // the command's exit status; -1 when it did not run
  std::string out;  // its standard output (standard error goes to the test log)
};

CommandOutput run(const std::string& command);

// A path quoted for the shell.
std::string quoted(const std::string& path);

// The msgids of a PO or POT text, in order, without the header's "".
std::vector<std::string> msgids(const std::string& po_text);

// Every string of a PO or POT text, the header left out: each msgid, its
// msgid_plural, its msgstr and every plural form msgstr[n] (Welsh has six).
std::vector<std::string> all_strings(const std::string& po_text);

// The translations of a PO text: each msgstr and msgstr[n], the header's
// fields and empty (untranslated) ones left out.
std::vector<std::string> translations(const std::string& po_text);

// Every PO file in the assets folder: assets/po/*.po and assets/*/po/*.po.
std::vector<std::string> po_files();

std::string read_text(const std::string& path);

// The msgids of `msgattrib OPTIONS po_file`, failing the test when it fails.
std::vector<std::string> selected_msgids(const std::string& options, const std::string& po_file);

}  // namespace oneservice::i18n_testing
