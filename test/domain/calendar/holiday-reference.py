"""Prints the holidays of the Python `holidays` package (PyPI) as JSON, for the calendar cross-check.

Usage: holiday-reference.py FROM_YEAR TO_YEAR COUNTRY...
Output: {"version": "0.109", "countries": {"TR": {"public": {"2024-01-01": "New Year's Day"}, ...}}}
Every category the country supports is printed, each alone, with names in English; which of them
close an office is the test's decision, not this script's.
"""

import json
import sys

import holidays


def by_category(country: str, years: range) -> dict[str, dict[str, str]]:
    supported = holidays.country_holidays(country).supported_categories
    return {
        category: {
            day.isoformat(): name
            for day, name in sorted(
                holidays.country_holidays(
                    country, years=years, categories=(category,), language="en_US"
                ).items()
            )
        }
        for category in supported
    }


def main() -> None:
    first, last, *countries = sys.argv[1:]
    years = range(int(first), int(last) + 1)
    json.dump(
        {
            "version": holidays.__version__,
            "countries": {country: by_category(country, years) for country in countries},
        },
        sys.stdout,
        ensure_ascii=False,
    )


main()
