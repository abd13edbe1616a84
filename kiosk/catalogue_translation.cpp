#include "kiosk/catalogue_translation.h"

#include <algorithm>

namespace oneservice::kiosk {
namespace {

// The one list of a catalogue's text fields, for both listing and
// translating: visit(text, where, field) for each, on a Catalogue or a
// const one. A field added to shared/catalogue.h that a resident reads
// belongs here.
template <typename CatalogueT, typename Visit>
void for_each_text(CatalogueT& catalogue, Visit visit) {
  visit(catalogue.council_name, "council", "council_name");
  for (auto& service : catalogue.services) {
    const std::string& at = service.service_code;
    visit(service.service_name, at, "service_name");
    visit(service.description, at, "description");
    visit(service.group, at, "group");
    for (auto& keyword : service.keywords) visit(keyword, at, "keyword");
    visit(service.location_question, at, "location_question");
    visit(service.location_hint, at, "location_hint");
    visit(service.submit_label, at, "submit_label");
    visit(service.next_steps, at, "next_steps");
    for (auto& attribute : service.attributes) {
      const std::string question = at + "." + attribute.code;
      visit(attribute.description, question, "description");
      visit(attribute.datatype_description, question, "datatype_description");
      visit(attribute.summary, question, "summary");
      visit(attribute.error_noun, question, "error_noun");
      visit(attribute.hint, question, "hint");
      for (auto& value : attribute.values) visit(value.name, question + "." + value.key, "name");
    }
  }
}

// The words of one area of the boundary data that a resident reads (who
// will deal with a request, and whom to contact), the same way.
template <typename AreaT, typename Visit>
void for_each_text_of_area(AreaT& area, Visit visit) {
  visit(area.name, area.id, "name");
  visit(area.contact.name, area.id, "contact_name");
  visit(area.contact.role, area.id, "contact_role");
}

}  // namespace

std::vector<CatalogueText> catalogue_texts(const Catalogue& catalogue) {
  std::vector<CatalogueText> texts;
  for_each_text(catalogue, [&](const std::string& text, const std::string& where, const char* field) {
    if (!text.empty()) texts.push_back({text, where, field});
  });
  return texts;
}

Catalogue translated(const Catalogue& english, const Translator& translator) {
  Catalogue out = english;
  for_each_text(out, [&](std::string& text, const std::string&, const char*) { text = translator.catalogue(text); });
  for (std::size_t s = 0; s < out.services.size(); ++s) {
    auto& keywords = out.services[s].keywords;
    for (const auto& keyword : english.services[s].keywords)
      if (std::find(keywords.begin(), keywords.end(), keyword) == keywords.end()) keywords.push_back(keyword);
  }
  return out;
}

std::vector<CatalogueText> area_texts(const Boundaries& boundaries) {
  std::vector<CatalogueText> texts;
  for (const auto& area : boundaries.areas())
    for_each_text_of_area(area, [&](const std::string& text, const std::string& where, const char* field) {
      if (!text.empty()) texts.push_back({text, where, field});
    });
  return texts;
}

Area translated(const Area& english, const Translator& translator) {
  Area out = english;
  for_each_text_of_area(out, [&](std::string& text, const std::string&, const char*) {
    if (!text.empty()) text = translator.catalogue(text);
  });
  return out;
}

}  // namespace oneservice::kiosk
