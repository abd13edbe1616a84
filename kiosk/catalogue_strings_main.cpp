// oneservice-catalogue-strings CATALOGUE.json [BOUNDARIES.geojson]: the
// strings of a council's catalogue, and of its boundary data (the bodies'
// names, their contacts' names and roles), as a gettext template (POT) on
// standard output, one entry per distinct string with where it is used. scripts/update-translations.sh
// writes it to assets/<council>/po/catalogue.pot and merges it into each
// language's PO file for the council's translators.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "kiosk/catalogue_translation.h"
#include "shared/catalogue_json.h"

using namespace oneservice;

namespace {

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

// What a translator needs to know about how a field's words are used.
const char* note_for(const std::string& field) {
  if (field == "error_noun")
    return "Completes \"Enter ...\" or \"Select ...\" in error messages: in Welsh it follows \"Rhowch\" or "
           "\"Dewiswch\", so mutate it as needed.";
  if (field == "summary") return "A short label: names the answer on the check page and starts error messages.";
  if (field == "keyword") return "A search word: give the word a speaker of the language would search with.";
  if (field == "contact_name")
    return "A contact's name: a person's name stays as it is; a team's (\"... Customer Services\") is translated.";
  return nullptr;
}

struct Entry {
  std::vector<std::string> used_at;
  std::vector<const char*> notes;
};

void write_pot(const Catalogue& catalogue, const std::vector<kiosk::CatalogueText>& texts, std::ostream& out) {
  std::vector<std::string> order;
  std::map<std::string, Entry> entries;
  for (const auto& text : texts) {
    auto [at, added] = entries.try_emplace(text.text);
    if (added) order.push_back(text.text);
    at->second.used_at.push_back(text.where + " " + text.field);
    const char* note = note_for(text.field);
    if (note && std::find(at->second.notes.begin(), at->second.notes.end(), note) == at->second.notes.end())
      at->second.notes.push_back(note);
  }
  out << "# The strings of " << catalogue.council_name << "'s service catalogue, changeset "
      << catalogue.changeset << ".\n# Made by oneservice-catalogue-strings: do not edit by hand.\n"
      << "msgid \"\"\nmsgstr \"\"\n"
      << "\"Project-Id-Version: " << catalogue.council_name << " catalogue\\n\"\n"
      << "\"MIME-Version: 1.0\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
      << "\"Content-Transfer-Encoding: 8bit\\n\"\n";
  for (const auto& text : order) {
    const auto& entry = entries.at(text);
    out << "\n";
    for (const char* note : entry.notes) out << "#. " << note << "\n";
    for (const auto& where : entry.used_at) out << "#. " << where << "\n";
    out << "msgid " << quoted(text) << "\nmsgstr \"\"\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::fputs("usage: oneservice-catalogue-strings CATALOGUE.json [BOUNDARIES.geojson] > catalogue.pot\n", stderr);
    return 2;
  }
  const char* reading = argv[1];
  try {
    const Catalogue catalogue = load_catalogue_file(reading);
    auto texts = kiosk::catalogue_texts(catalogue);
    if (argc == 3) {
      reading = argv[2];
      const auto areas = kiosk::area_texts(Boundaries::load_file(reading));
      texts.insert(texts.end(), areas.begin(), areas.end());
    }
    write_pot(catalogue, texts, std::cout);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "oneservice-catalogue-strings: %s: %s\n", reading, error.what());
    return 1;
  }
  return std::cout.good() ? 0 : 1;
}
