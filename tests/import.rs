//! `histbot source import` over the real raw documents in `../shared/sources`.
//!
//! The five imports below are the ones listed in `facts/sources/IMPORT.md`;
//! `committed_sources_match_a_fresh_import` keeps the committed texts from
//! going stale.

use std::path::{Path, PathBuf};

use histbot::facts::schema::SourcesFile;
use histbot::import::{import_source, ImportOptions};

const RAW_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/sources");
const FACTS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/facts");

const SUY_URL: &str = "https://en.wikipedia.org/wiki/Soviet_Union%E2%80%93Yugoslavia_relations";
const RS_URL: &str = "https://en.wikipedia.org/wiki/Russia%E2%80%93Serbia_relations";

struct Import {
    file: &'static str,
    id: &'static str,
    title: &'static str,
    lang: &'static str,
    url: &'static str,
    first_section: &'static str,
}

const IMPORTS: [Import; 5] = [
    Import {
        file: "soviet-union-yugoslavia-relations.lead.en.txt",
        id: "suy-lead",
        title: "Soviet Union–Yugoslavia relations (lead)",
        lang: "en",
        url: SUY_URL,
        first_section: "Lead",
    },
    Import {
        file: "soviet-union-yugoslavia-relations.article.en.txt",
        id: "suy-article",
        title: "Soviet Union–Yugoslavia relations",
        lang: "en",
        url: SUY_URL,
        first_section: "Lead",
    },
    Import {
        file: "soviet-union-yugoslavia-relations.cited-sentences.en.txt",
        id: "suy-cited",
        title: "Soviet Union–Yugoslavia relations (cited sentences, older revision)",
        lang: "en",
        url: SUY_URL,
        first_section: "Cited sentences",
    },
    Import {
        file: "soviet-union-yugoslavia-relations.lead.ar.txt",
        id: "suy-lead-ar",
        title: "العلاقات السوفيتية اليوغوسلافية (Arabic translation of the lead)",
        lang: "ar",
        url: SUY_URL,
        first_section: "Lead",
    },
    Import {
        file: "russia-serbia-relations.article.en.txt",
        id: "russia-serbia",
        title: "Russia–Serbia relations",
        lang: "en",
        url: RS_URL,
        first_section: "Lead",
    },
];

/// The raw documents; a missing folder fails the test instead of skipping it.
fn raw_dir() -> PathBuf {
    let dir = PathBuf::from(RAW_DIR);
    assert!(
        dir.is_dir(),
        "the raw source folder {RAW_DIR} is missing: these tests need the raw Wikipedia captures \
         in ../shared/sources next to the repository"
    );
    dir
}

fn import_into(facts_dir: &Path, imports: &[&Import]) {
    let raw = raw_dir();
    for i in imports {
        let opts = ImportOptions {
            raw: raw.join(i.file),
            id: i.id.to_string(),
            title: i.title.to_string(),
            lang: i.lang.to_string(),
            url: i.url.to_string(),
            first_section: i.first_section.to_string(),
            facts_dir: facts_dir.to_path_buf(),
        };
        if let Err(e) = import_source(&opts) {
            panic!("importing {}: {e}", i.file);
        }
    }
}

/// A fresh import of all five into a temporary fact directory.
fn fresh() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("create a temporary directory");
    import_into(dir.path(), &IMPORTS.iter().collect::<Vec<_>>());
    dir
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn cleaned(dir: &Path, id: &str) -> String {
    read(&dir.join("sources").join(format!("{id}.txt")))
}

/// The title of the section that a line index falls in.
fn section_of_line(text: &str, line_idx: usize, first_section: &str) -> String {
    text.lines()
        .take(line_idx + 1)
        .skip(1)
        .filter_map(heading_title)
        .last()
        .unwrap_or_else(|| first_section.to_string())
}

fn heading_title(line: &str) -> Option<String> {
    let level = line.bytes().take_while(|&b| b == b'=').count();
    (level >= 2 && line.ends_with(&"=".repeat(level)))
        .then(|| line[level..line.len() - level].trim().to_string())
}

/// The section a sentence is in; fails unless it is inside one paragraph line.
fn section_of(text: &str, sentence: &str) -> String {
    let idx = text
        .lines()
        .position(|l| l.contains(sentence))
        .unwrap_or_else(|| panic!("sentence not found whole in one paragraph:\n{sentence}"));
    section_of_line(text, idx, "Lead")
}

#[test]
fn raw_sources_are_present() {
    let dir = raw_dir();
    for i in &IMPORTS {
        assert!(dir.join(i.file).is_file(), "raw source {} is missing from {RAW_DIR}", i.file);
    }
}

#[test]
fn russia_serbia_has_no_link_preview_tails_or_noise() {
    let dir = fresh();
    let text = cleaned(dir.path(), "russia-serbia");
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        assert!(!line.ends_with("..."), "line {n} ends in a link-preview tail: {line}");
        assert!(!line.contains("may refer to") && !line.contains("refers to:"), "line {n} has a disambiguation preview: {line}");
        assert!(!line.starts_with(", ") && !line.contains("image_flag"), "line {n} has an infobox fragment: {line}");
        assert!(!line.starts_with("File:"), "line {n} is a gallery line: {line}");
        assert!(!line.contains("{{"), "line {n} has template markup: {line}");
        assert!(!line.contains('['), "line {n} has an inline reference: {line}");
        assert!(line.trim() != "*", "line {n} is an empty bullet");
        assert!(!line.contains("Publishing and ownership"), "line {n} has a preview sub-heading: {line}");
    }
}

#[test]
fn russia_serbia_interrupted_sentences_come_out_whole() {
    let dir = fresh();
    let text = cleaned(dir.path(), "russia-serbia");
    let cases = [
        (
            "Lead",
            "Russia and Serbia maintain diplomatic relations established in 1816 between the Russian Empire and the Principality of Serbia.",
        ),
        (
            "Lead",
            "Russia (as sole successor of the Soviet Union) established relations with Federal Republic of Yugoslavia (later Serbia and Montenegro) of which Serbia is considered sole successor.",
        ),
        (
            "19th century",
            "After the Ottoman Empire had allied itself with Napoleon in 1806 and was attacked by Russia and Britain, it sought to meet the demands of the Serbian rebels under Karađorđe.",
        ),
        (
            "19th century",
            "The Serbs accepted the Russians′ offer over autonomy under the Ottomans (as set by the \"Ičko's Peace\") and signed an alliance with the Russian Empire in 1807.",
        ),
        (
            "19th century",
            "The Treaty of Berlin, whose deliberations and decisions were greatly influenced by Austria-Hungary′s Gyula Andrássy, recognized Serbia's independence, yet left Serbia's ruling class disgruntled at Russia, who was seen as favoring the newly established Principality of Bulgaria at the expense of Serbia.",
        ),
        (
            "19th century",
            "In June 1881, Obrenović and Austria-Hungary concluded a secret convention that effectively turned Serbia into Austria-Hungary's client state.",
        ),
        (
            "19th century",
            "The visit to Saint Petersburg of Austrian Emperor Franz Joseph and his conference with Nicholas II of Russia in 1897 brokered a secret agreement between the two empires to honor and seek to maintain the ''status quo'' in the Balkans, which was in line with Austria-Hungary's attempts to forestall an emergence of a large Slavic state in the region.",
        ),
        (
            "19th century",
            "Serbian King Alexander I was assassinated in a coup d'état in 1903, which ushered in the end of the Obrenović dynasty and the return of the House of Karađorđević.",
        ),
        (
            "Interwar period",
            "The Russian community in the Kingdom of Yugoslavia was effectively in a privileged position in a number of ways, as it enjoyed support and protection on the part of the ruling House of Karađorđević.",
        ),
        (
            "Interwar period",
            "In 1938, the Soviet government sponsored a planned coup d'état designed to remove the Stojadinović government, which was resented by Edvard Beneš, the president of Czechoslovakia and establish an anti-German military regime: Soviet intelligence officer Pyotr Zubov was given $200,000 in cash meant for the Serbian military officers selected by the Czechs to execute the coup.",
        ),
        (
            "World War II",
            "On 5 April 1941, the new government of Yugoslavia and the Soviet Union signed the Treaty of Friendship and Non-Aggression, which however did not commit the parties to military assistance in case of aggression.",
        ),
        (
            "World War II",
            "According to Soviet General Pavel Sudoplatov, the Soviet leadership was shocked by an instant defeat of Yugoslavia in April 1941, after Hitler reacted to the coup ″promptly and effectively″.",
        ),
        (
            "Soviet Union and Socialist Yugoslavia",
            "After Stalin's death, relations underwent normalization heralded by the signing of the Belgrade declaration in 1955, which expressly rescinded Stalin's policies towards Yugoslavia.",
        ),
        (
            "Breakup of Yugoslavia",
            "In 1998, the Kosovo War began, followed by break-up of relations between Yugoslavia and the West and to the NATO bombing of Yugoslavia, which Russia strongly condemned.",
        ),
        (
            "Political relations",
            "High-level visits, such as those of presidents of Serbia to Moscow (Boris Tadić in 2004 and 2009, Tomislav Nikolić in 2012 and 2016, and Aleksandar Vučić in 2019, 2020, and 2021) and presidents of Russia to Belgrade (Vladimir Putin 2000, 2011, 2014, and 2019; Dmitry Medvedev in 2009) underscore close relationship between two countries.",
        ),
        (
            "Russian stance on Kosovo",
            "He described the recognition of Kosovo's unilaterally declared independence by several major world powers as \"a terrible precedent\" that \"breaks up the entire system of international relations\" that have taken \"centuries to evolve\", and \"undoubtedly, it may entail a whole chain of unpredictable consequences to other regions in the world\" that will come back to hit the West \"in the face\".",
        ),
        (
            "Serbian stance on Russian invasion of Ukraine",
            "Since the beginning of war, significant numbers of Serbian citizens (and ethnic Serbs from neighboring countries) took up arms to fight against Ukraine, which prompted the Serbian government to pass a law prohibiting its citizens from taking part in hostilities on foreign soil.",
        ),
        (
            "Economic relations",
            "Naftna Industrija Srbije, Serbian national oil and gas company, is majority owned by the Russian company Gazprom Neft, a subsidiary of the state-owned Gazprom.",
        ),
        (
            "Military cooperation",
            "Serbian Armed Forces participation in the annual ''Slavic Brotherhood'' trilateral military drills (involving Russian Armed Forces and Armed Forces of Belarus), initiated in 2015, has been a significant aspect of Serbia's military cooperation with Russia.",
        ),
        (
            "Cultural cooperation",
            "The cultural bond is anchored in shared Slavic roots and the Orthodox Christian faith, with the Serbian Orthodox Church and Russian Orthodox Church playing significant roles.",
        ),
        (
            "Cultural cooperation",
            "Authors of the mosaics were Nikolay Mukhin and Yevgeniy Maksimov while the artists working on the mosaics were chosen from the Moscow School of Painting, Sculpture and Architecture and the Repin Institute of Arts at the Imperial Academy of Arts in Saint Petersburg.",
        ),
        (
            "Immigration from Russia",
            "According to 2022 Census there were 10,486 Russians in Serbia, including both Serbian citizens of ethnic Russian descent and Russian-born people residing in Serbia.",
        ),
        ("Travel regime", "Russia and Serbia mutually abolished the requirement of obtaining an entry visa for its citizens in 2009."),
        ("Resident diplomatic missions", "* Russia has an embassy in Belgrade."),
    ];
    for (section, sentence) in cases {
        assert_eq!(section_of(&text, sentence), section, "section of: {sentence}");
    }
}

#[test]
fn russia_serbia_body_sections_read_as_clean_prose() {
    let dir = fresh();
    let text = cleaned(dir.path(), "russia-serbia");
    let body_end = text.find("\n== See also ==").expect("a See also section");
    for para in text[..body_end].lines().skip(1).filter(|l| !l.is_empty() && heading_title(l).is_none()) {
        let first = para.chars().next().unwrap_or(' ');
        assert!(first.is_uppercase() || first == '*', "paragraph starts mid-sentence: {para}");
        let end = para.trim_end_matches(['"', '″', '\'']);
        assert!(end.ends_with(['.', '?', '!']), "paragraph ends mid-sentence: {para}");
        // Ellipses of the article itself (`it? ..But`, `States.... This`) are not joins.
        let joins = para.replace("? ..", "? ").replace("....", ".");
        for bad in [" ,", " .", " ;", " )", "( ", "  ", "..", " ′"] {
            assert!(!joins.contains(bad), "bad join {bad:?} in: {para}");
        }
    }
}

#[test]
fn russia_serbia_headings_become_sections() {
    let dir = fresh();
    let text = cleaned(dir.path(), "russia-serbia");
    let expected = [
        "Lead",
        "History",
        "Middle Ages",
        "18th century",
        "19th century",
        "World War I",
        "Interwar period",
        "World War II",
        "Soviet Union and Socialist Yugoslavia",
        "Breakup of Yugoslavia",
        "Political relations",
        "Russian stance on Kosovo",
        "Serbian stance on Russian invasion of Ukraine",
        "Economic relations",
        "Military cooperation",
        "Cultural cooperation",
        "Immigration from Russia",
        "Travel regime",
        "Resident diplomatic missions",
        "See also",
        "References",
        "Sources",
        "Further reading",
        "External links",
    ];
    let file: SourcesFile = toml::from_str(&read(&dir.path().join("sources.toml"))).expect("valid sources.toml");
    let record = file.source.iter().find(|r| r.id == "russia-serbia").expect("a russia-serbia record");
    assert_eq!(record.sections, expected);
    for marker in [
        "\n\n== History ==\n\n=== Middle Ages ===\n\n",
        "\n\n=== 19th century ===\n\n",
        "\n\n=== Breakup of Yugoslavia ===\n\n",
        "\n\n== Political relations ==\n\n",
        "\n\n=== Russian stance on Kosovo ===\n\n",
        "\n\n== Travel regime ==\n\n",
        "\n\n== See also ==\n\n",
        "\n\n== References ==\n\n=== Sources ===\n\n== Further reading ==\n\n",
    ] {
        assert!(text.contains(marker), "missing section marker {marker:?}");
    }
}

#[test]
fn suy_cited_has_no_citation_markers_and_one_sentence_per_paragraph() {
    let dir = fresh();
    let text = cleaned(dir.path(), "suy-cited");
    let marker = regex::Regex::new(r"\[\d+\]").expect("valid regex");
    assert!(!marker.is_match(&text), "citation marker left in:\n{text}");
    assert!(text.contains("Russian refugees, mainly those who fled"));
    assert!(text.contains("\n\nAfter the Russian Civil War ended in 1922"));
    assert!(text.contains("such short-sighted people [...] who would pursue"), "the ellipsis in the quotation must stay");
    let paragraphs = text.lines().skip(1).filter(|l| !l.is_empty()).count();
    let raw_lines = read(&raw_dir().join(IMPORTS[2].file)).lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(paragraphs, raw_lines);
}

#[test]
fn suy_texts_keep_their_words_and_structure() {
    let dir = fresh();
    let lead = cleaned(dir.path(), "suy-lead");
    assert!(lead.starts_with(
        "= Soviet Union–Yugoslavia relations (lead) =\n\nSoviet Union–Yugoslavia relations (Russian: Советско-югославские отношения;"
    ));
    let article = cleaned(dir.path(), "suy-article");
    assert!(!article.contains("Infobox") && !article.contains("Flagvariant"));
    assert!(article.contains("\n\n==== 1948 Tito–Stalin split ====\n\nIn the first two years following the war,"));
    assert!(article.contains("Drastic deterioration in relations occurred in early 1948."));
    let ar_raw = read(&raw_dir().join(IMPORTS[3].file));
    let ar = cleaned(dir.path(), "suy-lead-ar");
    for line in ar_raw.lines().filter(|l| !l.trim().is_empty()) {
        assert!(ar.lines().any(|p| p == line.trim()), "Arabic paragraph changed: {line}");
    }
}

#[test]
fn importing_twice_gives_byte_identical_files() {
    let first = fresh();
    let snapshot = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files = vec![("sources.toml".to_string(), std::fs::read(dir.join("sources.toml")).unwrap_or_default())];
        for i in &IMPORTS {
            let path = dir.join("sources").join(format!("{}.txt", i.id));
            files.push((i.id.to_string(), std::fs::read(&path).unwrap_or_default()));
        }
        files
    };
    let before = snapshot(first.path());
    import_into(first.path(), &IMPORTS.iter().collect::<Vec<_>>());
    assert!(before == snapshot(first.path()), "a second import changed the files");

    // The order of the imports does not matter either.
    let reversed = tempfile::tempdir().expect("create a temporary directory");
    import_into(reversed.path(), &IMPORTS.iter().rev().collect::<Vec<_>>());
    assert!(before == snapshot(reversed.path()), "importing in another order gave other files");
}

#[test]
fn committed_sources_match_a_fresh_import() {
    let dir = fresh();
    let committed = Path::new(FACTS_DIR);
    for i in &IMPORTS {
        let name = format!("sources/{}.txt", i.id);
        assert!(
            read(&committed.join(&name)) == read(&dir.path().join(&name)),
            "facts/{name} is stale: re-run the imports listed in facts/sources/IMPORT.md"
        );
    }
    assert!(
        read(&committed.join("sources.toml")) == read(&dir.path().join("sources.toml")),
        "facts/sources.toml is stale: re-run the imports listed in facts/sources/IMPORT.md"
    );
}
