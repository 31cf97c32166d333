#!/usr/bin/env python3
"""Converts Digdir's Los vocabulary (source.xml) into data/los/los.tsv, the compact file samla
embeds to find the same concept in bokmål, nynorsk and English.

Usage: python3 data/los/convert.py PATH/TO/los/source.xml > data/los/los.tsv

Los is maintained by the Norwegian Digitalisation Agency (Digitaliseringsdirektoratet, Digdir):
https://psi.norge.no/los/, repository Informasjonsforvaltning/los. Only the topic words
(ord/...) and themes (tema/...) are kept, with their labels and their broader theme; notes,
related links and the seven life events (samla has its own) are left out.
"""
import sys
import xml.etree.ElementTree as ET

NS = {"s": "urn:fdc:difi.no:2019:data:Skos-1"}
KINDS = ("ord/", "tema/")


def clean(text):
    """One line, no tabs or separators: labels go into tab- and bar-separated columns."""
    return " ".join((text or "").replace("|", " ").split())


def labels(concept, tag, lang):
    out = []
    for element in concept.findall(f"s:{tag}", NS):
        text = clean(element.text)
        if element.get("lang") == lang and text and text != "*" and text not in out:
            out.append(text)
    return out


def main(path):
    root = ET.parse(path).getroot()
    commit = "f0d0588a29f825ea5e2143088121757a38c77cca"
    print("# Los - Norway's common vocabulary for public services (felles vokabular for offentlige tjenester).")
    print("# Source: Digitaliseringsdirektoratet (Digdir), https://psi.norge.no/los/, repository")
    print(f"# Informasjonsforvaltning/los, source.xml at commit {commit} (2023-03-01). The repository")
    print("# states no licence; Digdir is named as the source wherever samla shows or ships it.")
    print("# Written by data/los/convert.py from that file; do not edit by hand.")
    print("# Columns: path, broader theme, bokmål, nynorsk, English, then the other labels")
    print("# (synonyms) in bokmål, nynorsk and English, each list separated by '|'.")
    rows = []
    for concept in root.findall("s:Concept", NS):
        path = concept.get("path", "")
        if not path.startswith(KINDS):
            continue
        broader = [clean(b.text) for b in concept.findall("s:Broader", NS) if (b.text or "").startswith("tema/")]
        pref = [labels(concept, "PrefLabel", lang) for lang in ("nb", "nn", "en")]
        other = [
            [l for l in labels(concept, "AltLabel", lang) + labels(concept, "HiddenLabel", lang) if l not in pref[i]]
            for i, lang in enumerate(("nb", "nn", "en"))
        ]
        columns = [path, broader[0] if broader else ""]
        columns += [p[0] if p else "" for p in pref]
        columns += ["|".join(o) for o in other]
        rows.append("\t".join(columns))
    for row in sorted(rows):
        print(row)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
