#pragma once
// Open data: every public case of the last 30 days without anything
// personal, as CSV and GeoJSON, and the page that explains them. Fields:
// the council's id, service, status, dates, the area and the body dealing
// with it, and a point rounded to 3 decimal places (about 100 m), so a
// report outside someone's home does not point at their door. Never a
// name, contact, answer, description, address or photo.
#include "central/public/visit.h"

namespace oneservice::central::public_pages {

Answer open_data_page(const Site& site, const Visit& visit);
Answer cases_csv(const Site& site, const Visit& visit);
Answer cases_geojson(const Site& site, const Visit& visit);

// A coordinate as published: 3 decimal places.
double published_coordinate(double degrees);

}  // namespace oneservice::central::public_pages
