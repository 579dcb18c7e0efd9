//! Who said it, as a reader of the article would answer (issue 24): a pronoun stands for the
//! person the text was last talking about, not for an object of the sentence or a name inside
//! another quotation; an inserted clause ("X, who …, said"; "X, a spokeswoman for Y, said")
//! does not hand the quote to the last name before the verb; the person *told* is not the
//! speaker; a participle ("…, saying") takes the sentence's subject; a question ending in its
//! own mark is still attributed by the "he asked" after it. The articles are written here.

use crate::quote_support;

use quote_support::speaker_of;

#[test]
fn a_pronoun_is_the_person_last_talked_about_not_an_object_or_a_quoted_name() {
    let text = "Glenda Marsh has run the county's food bank since 2009.\n\n\
                Marsh criticised Governor Pike for the delay in the winter grants.\n\n\
                “We lost a whole week of deliveries while the paperwork sat on a desk,” she said.\n\n\
                Of Pike, she said, “He has never once visited the warehouse in Dunmore.”\n";
    assert_eq!(
        speaker_of(text, "We lost a whole week").as_deref(),
        Some("Glenda Marsh"),
        "the subject of the sentence before, not the governor it names"
    );
    assert_eq!(
        speaker_of(text, "He has never once").as_deref(),
        Some("Glenda Marsh"),
        "“Of Pike, she said”: Pike is who she talks about"
    );
}

#[test]
fn an_inserted_clause_before_the_verb_does_not_take_the_quote() {
    let text = "Dale Ortiz, who has run the shelter on Harbour Street for a decade, said, \
                “Every bed has been taken since Tuesday night.”\n\n\
                Mara Olsen, a spokeswoman for Governor Pike, said: “No ship was turned away \
                from the port at any time.”\n";
    assert_eq!(speaker_of(text, "Every bed").as_deref(), Some("Dale Ortiz"));
    assert_eq!(
        speaker_of(text, "No ship was turned").as_deref(),
        Some("Mara Olsen"),
        "not the governor she speaks for"
    );
}

#[test]
fn the_person_told_is_not_the_speaker_and_a_participle_takes_the_subject() {
    let text = "Reyes grabbed the camera. A man standing off camera then tells Reyes, \
                “We are only students working on a project for class.”\n\n\
                Councillor Ana Pike accused the water board of stalling, saying \
                “nobody on the board has read the engineers' report.”\n";
    assert_ne!(
        speaker_of(text, "We are only students").as_deref(),
        Some("Reyes"),
        "Reyes is the one told"
    );
    let who = speaker_of(text, "nobody on the board").unwrap_or_default();
    assert!(who.ends_with("Ana Pike"), "{who}");
}

#[test]
fn a_question_and_the_sentence_after_a_short_quote_are_attributed() {
    let text = "Judge Ellen Park questioned the company's lawyer at length on Tuesday.\n\n\
                “Is it true that the records from the Dunmore plant were lost?” she asked.\n\n\
                Tom Hale, the council's fiercest critic, spoke for an hour. Hale told the \
                crowd the plan was a fraud.\n\n\
                “A circus?” he said, drawing laughter. “This city deserves a council that \
                reads its own budget.”\n";
    assert_eq!(
        speaker_of(text, "Is it true that the records").as_deref(),
        Some("Ellen Park")
    );
    assert_eq!(
        speaker_of(text, "This city deserves").as_deref(),
        Some("Tom Hale"),
        "the sentence before says who speaks"
    );
}

#[test]
fn a_name_ends_at_its_sentence_and_a_shared_surname_is_not_given_the_wrong_first_name() {
    let text = "Ray Dunn was sworn in by Justice Clara Webb. Mr. Dunn spoke for ten minutes.\n\n\
                “The harbour will reopen before the winter storms arrive,” he said.\n\n\
                Bartholomew Marsh, her husband, had left the party early. Helen Marsh stayed, and \
                Marsh later spoke to the crowd.\n\n\
                “We are not finished with this fight, not by a long way,” she said.\n";
    let dunn = speaker_of(text, "The harbour will reopen").unwrap_or_default();
    assert!(
        dunn.ends_with("Dunn") && !dunn.contains("Webb"),
        "Mr. Dunn, not “Clara Webb Mr”: {dunn}"
    );
    let marsh = speaker_of(text, "We are not finished").unwrap_or_default();
    assert_ne!(
        marsh, "Bartholomew Marsh",
        "two Marshes: never the wrong one's first name"
    );
    assert!(marsh.ends_with("Marsh"), "{marsh}");
}

#[test]
fn a_person_named_like_a_channel_speaks_and_a_channel_does_not() {
    let text = "Former president Vicente Fox met students in Leon on Monday.\n\n\
                “We are not going to pay for that wall, not one peso,” Fox told CNN.\n\n\
                “The border crossing will stay closed for the week,” Reuters said, citing two \
                officials.\n\n\
                “I completely disagree with the governor on this,” Senate President Mike \
                Thibodeau (R) said.\n";
    let fox = speaker_of(text, "We are not going to pay").unwrap_or_default();
    assert!(
        fox.ends_with("Fox"),
        "Vicente Fox, not dropped as the channel: {fox:?}"
    );
    assert_eq!(
        speaker_of(text, "The border crossing"),
        None,
        "the agency is how the words came, not who said them"
    );
    let who = speaker_of(text, "I completely disagree").unwrap_or_default();
    assert!(
        who.ends_with("Mike Thibodeau"),
        "not the party letter: {who}"
    );
}

#[test]
fn an_adverb_before_the_verb_and_a_name_after_a_question_still_attribute() {
    let text = "Mayor Ines Duarte spoke at the depot on Friday.\n\n\
                “As mayor, I will keep every branch library open,” Ms. Duarte also says in the \
                advertisement.\n\n\
                “What happens to the families on the east side if the bridge closes?” Councillor \
                Tom Reyes asked.\n";
    assert_eq!(
        speaker_of(text, "As mayor, I will keep").as_deref(),
        Some("Duarte")
    );
    let reyes = speaker_of(text, "What happens to the families").unwrap_or_default();
    assert!(reyes.ends_with("Tom Reyes"), "{reyes:?}");
}

/// Issue 24, speaker round: quotations no verb attributes take their speaker from the
/// narration around them.
#[test]
fn an_unattributed_quote_after_narration_is_its_subjects() {
    // The sentence before, in the same paragraph, has a pronoun subject and no speech verb.
    let text = "For eleven years Rosa Delgado has run the pantry in the church basement.\n\n\
                The line used to be fifty families. Now it is closer to three hundred.\n\n\
                \"We are rationing now,\" the Rev. Tom Akers said. \"Nobody wants to say it.\"\n\n\
                Delgado arrives at six to unload the truck every Saturday.\n\n\
                Asked why she keeps coming back, she laughed. \"Where else would I go? These \
                are my people.\"\n";
    assert_eq!(
        speaker_of(text, "Where else would I go").as_deref(),
        Some("Rosa Delgado"),
        "the laughing woman, not the speaker quoted two paragraphs up"
    );
    // A paragraph of narration naming someone, then a paragraph of quotation.
    let text = "Standing beside him, Fire Marshal Angela Ruiz answered questions.\n\n\
                \"We matched him to the footage from three of the fires,\" Ruiz said.\n\n\
                Police Chief Bob Day praised the investigators who worked through the night.\n\n\
                \"They did not go home for three days, and it shows in this arrest.\"\n";
    assert_eq!(
        speaker_of(text, "They did not go home").as_deref(),
        Some("Bob Day"),
        "the chief the narration turned to, not the marshal quoted before"
    );
}

#[test]
fn a_quote_inside_a_narrated_clause_is_its_subjects_unless_the_clause_is_reported() {
    let text = "Interior Minister Gerald Lemaire defended the police on Tuesday.\n\n\
                Left-wing MP Claire Fontaine accused the minister of \"covering up the use of \
                excessive force\" and called for an inquiry.\n";
    assert_eq!(
        speaker_of(text, "covering up the use").as_deref(),
        Some("Claire Fontaine")
    );
    // The clause is what a letter argues, and a relative clause quotes a text.
    let text = "Paul Ryan spoke at Georgetown on Thursday.\n\n\
                The university's letter argues that Ryan misused the teaching as a \
                \"rationale for gutting government programs.\"\n\n\
                Mr. Trump would have to get around the 14th Amendment, which states, \"All \
                persons born or naturalized in the United States are citizens.\"\n";
    assert_eq!(
        speaker_of(text, "rationale for gutting"),
        None,
        "the letter's words"
    );
    assert_eq!(
        speaker_of(text, "All persons born"),
        None,
        "the amendment's words"
    );
}

#[test]
fn names_that_speak_in_the_narration_are_people_a_pronoun_can_stand_for() {
    // Neither named in full nor with a title: only the narration's "announced" makes a
    // person of Tump (a typo an outlet printed), whom the pronoun then stands for.
    let text = "Facing a backlash, Tump announced late Friday that the decision was on hold.\n\n\
                \"Put the trophy decision on hold until I review the facts,\" he posted.\n";
    assert_eq!(
        speaker_of(text, "Put the trophy decision").as_deref(),
        Some("Tump")
    );
}

#[test]
fn a_sentence_of_circumstance_before_a_comma_is_not_reported_speech() {
    let text = "At a news conference in Phoenix, U.S. Attorney Gary Lindqvist said the case \
                had taken eighteen months.\n";
    let a = crosscheck::model::Article::in_memory(1, "1.txt", "A", text);
    let quotes = crosscheck::analysis::quotes::find_quotes(&a);
    assert!(
        quotes
            .iter()
            .all(|q| !q.text.starts_with("At a news conference")),
        "where he spoke is not what he said: {quotes:?}"
    );
}

#[test]
fn a_pronoun_follows_the_sentences_it_leads_back_to_the_person_named_before() {
    let text = "Emma Thornton has spent thirty years teaching children to read. This summer \
                she retires.\n\n\
                Her first classroom had no library. She built one from donated books.\n\n\
                \"I used to go round the charity shops every Saturday,\" she said.\n";
    assert_eq!(
        speaker_of(text, "I used to go round").as_deref(),
        Some("Emma Thornton")
    );
}

#[test]
fn a_name_in_apposition_is_the_subject_of_its_clause() {
    let text = "The chancellor ruled out raising income tax on Monday.\n\n\
                The shadow chancellor, Mel Stride, accused the government of preparing \"a \
                raid on pensions by the back door.\"\n\n\
                Her best friend, the actress Nina Patel, commented: \"Never change. You looked \
                incredible.\"\n";
    assert_eq!(
        speaker_of(text, "a raid on pensions").as_deref(),
        Some("Mel Stride")
    );
    assert_eq!(
        speaker_of(text, "Never change").as_deref(),
        Some("Nina Patel"),
        "whatever the verb before the colon"
    );
}
