#include "staff_http.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

namespace oneservice::central::test {

std::string Answer::header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? "" : found->second;
}

Answer answer_of(const httplib::Result& result) {
  if (!result) return {0, "no answer: " + httplib::to_string(result.error()), {}};
  return {result->status, result->body, result->headers};
}

std::vector<std::string> error_texts(const Answer& answer, const std::string& format) {
  std::vector<std::string> out;
  if (format == "json") {
    for (const auto& error : nlohmann::json::parse(answer.body)) {
      EXPECT_EQ(error.at("code").get<int>(), answer.status);
      out.push_back(error.at("description").get<std::string>());
    }
    return out;
  }
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(answer.body.c_str())) << answer.body;
  for (auto error : doc.child("errors").children("error")) {
    EXPECT_EQ(error.child("code").text().as_int(), answer.status);
    out.push_back(error.child("description").text().get());
  }
  return out;
}

}  // namespace oneservice::central::test
