//! Speakers in the styles beyond broadsheet politics (issue 24): tabloids and features tell
//! in the present and with lively verbs ("insists", "fumed", "she beamed"); wire copy and
//! local news let a role speak once the person was introduced with it ("the president",
//! "the union leader", "the 43-year-old"); appositions name or describe ("Another, Tom
//! Price, added"; "Trey Gowdy, Republican of South Carolina, said"). The articles are
//! written here.

use crate::quote_support;

use crosscheck::analysis::quotes::find_quotes;
use crosscheck::model::Article;
use quote_support::speaker_of;

fn assert_speaker(text: &str, opening: &str, surname: &str) {
    let who = speaker_of(text, opening);
    assert!(
        who.as_deref().is_some_and(|w| w.ends_with(surname)),
        "{opening:?}: want {surname}, got {who:?}"
    );
}

#[test]
fn present_tense_and_tabloid_verbs_attribute() {
    let text = "Home Secretary Nadia Rahman defended the scheme on Sunday.\n\n\
                Ms Rahman insists: \"The figures we published last week are correct.\"\n\n\
                \"This is a shambles from start to finish,\" fumed Labour MP Owen Pryce.\n\n\
                Coach Amy Fisher watched from the touchline.\n\n\
                \"That was the best half we have played all season,\" she beamed.\n\n\
                \"Everything we owned is gone now,\" sobbed Grace Mensah, whose flat flooded.\n";
    assert_speaker(text, "The figures we published", "Rahman");
    assert_speaker(text, "This is a shambles", "Owen Pryce");
    assert_speaker(text, "That was the best half", "Amy Fisher");
    assert_speaker(text, "Everything we owned", "Grace Mensah");
}

#[test]
fn a_role_speaks_for_the_person_introduced_with_it() {
    let text = "President Anton Weller opened the summit on Monday.\n\n\
                Vice President Lena Ostrova spoke after him.\n\n\
                \"We came here to sign, not to talk,\" the president said.\n\n\
                Ed Ford, the dockers' union leader, walked out at noon.\n\n\
                \"We want a fair deal and nothing more than that,\" the union leader said.\n\n\
                \"Nobody filmed the men who did this,\" the cameraman said.\n";
    assert_speaker(text, "We came here to sign", "Anton Weller");
    assert_speaker(text, "We want a fair deal", "Ed Ford");
    assert_eq!(
        speaker_of(text, "Nobody filmed the men").as_deref(),
        Some("the cameraman"),
        "no one was introduced as the cameraman: the role stays"
    );
}

#[test]
fn an_age_speaks_for_the_person_the_text_was_talking_about() {
    let text = "Shopper Dean Marsh saw the roof of the arcade give way.\n\n\
                \"It was chaos, everyone was screaming and running,\" the 29-year-old said.\n";
    assert_speaker(text, "It was chaos", "Dean Marsh");
}

#[test]
fn auxiliaries_and_naming_verbs_keep_their_subject() {
    let text = "Senator Marta Quill will address the convention tonight.\n\n\
                “This would be a priority even in times of peace,” Ms. Quill is expected to \
                say.\n\n\
                Governor Hal Brandt faced a hostile crowd.\n\n\
                In the new ad, Brandt vows to end what he calls “the war on small farms and \
                their families.”\n";
    assert_speaker(text, "This would be a priority", "Quill");
    assert_speaker(text, "the war on small farms", "Brandt");
}

#[test]
fn appositions_name_or_describe() {
    let text = "\"We have had enough of the noise,\" one resident said.\n\n\
                Another, Tom Price, added: \"The council must act before winter comes.\"\n\n\
                “The report leaves every question open,” Representative Ada Sorel, \
                Democrat of Ohio, said.\n\n\
                \"I know what it is like to lose a child,\" Joe Biden, 79, told them.\n\n\
                \"We are disappointed but hardly surprised,\" said the statement from Grimm's \
                attorney, William McGinley.\n";
    assert_eq!(
        speaker_of(text, "We have had enough").as_deref(),
        Some("one resident"),
        "no name: the text's own words, not someone named elsewhere"
    );
    assert_speaker(text, "The council must act", "Tom Price");
    let sorel = speaker_of(text, "The report leaves").unwrap_or_default();
    assert!(
        sorel.ends_with("Ada Sorel"),
        "the party and state describe her: {sorel:?}"
    );
    assert_speaker(text, "I know what it is like", "Biden");
    assert_speaker(text, "We are disappointed", "William McGinley");
}

#[test]
fn an_office_before_a_name_is_not_shown_as_the_name() {
    let text = "“Today's ruling gives every couple certainty,” Treasury Secretary Jacob J. Lew \
                said.\n\n\
                “We will read the ruling closely,” said Secretary of the Interior Ryan Zinke.\n";
    let lew = speaker_of(text, "Today's ruling").unwrap_or_default();
    assert!(
        lew.ends_with("Lew") && !lew.contains("Secretary"),
        "{lew:?}"
    );
    assert_eq!(
        speaker_of(text, "We will read the ruling").as_deref(),
        Some("Ryan Zinke")
    );
}

#[test]
fn she_is_never_someone_called_mister() {
    let text = "Ms. Lauten had worked for Representative Fincher. Her post mocked Mr. Obama and \
                his daughters.\n\n\
                She went on to say that the girls were “coming up a little short in the role \
                model department.”\n";
    let who = speaker_of(text, "coming up a little short").unwrap_or_default();
    assert!(who.ends_with("Lauten"), "{who:?}");
}

#[test]
fn a_person_named_once_as_the_subject_is_who_he_is() {
    let text = "Ken Ito spoke on television on Sunday.\n\n\
                \"We never saw the report before Friday,\" he told CNN.\n";
    assert_speaker(text, "We never saw the report", "Ken Ito");
}

#[test]
fn an_unnamed_speaker_is_said_so_not_handed_to_the_last_name() {
    let text = "Pensioner Doreen Platt, 79, wants to thank the man who saved her dog.\n\n\
                \"I'd be lost without Bonnie, she's all I have,\" she said.\n\n\
                The fire service warned people to stay out of the canal.\n\n\
                \"We would always urge the public never to go into the water,\" a spokesman \
                said.\n\n\
                \"Nobody should risk a life for a pet,\" a spokeswoman for Mayor Ines Ruiz \
                said.\n";
    assert_speaker(text, "I'd be lost without", "Doreen Platt");
    assert_eq!(
        speaker_of(text, "We would always urge").as_deref(),
        Some("a spokesman")
    );
    assert_eq!(
        speaker_of(text, "Nobody should risk").as_deref(),
        Some("a spokeswoman for Mayor Ines Ruiz"),
        "the spokeswoman speaks, not the mayor"
    );
}

#[test]
fn a_described_role_and_a_possessive_apposition_find_their_person() {
    let text = "Ireland's finance minister, Paschal Dunne, said the plan would hurt small \
                economies. \"A tax on turnover is the wrong tool,\" he said.\n\n\
                Senator Ted Corr, the panel's top Republican, accused the agency of delay.\n\n\
                \"The flying public deserves answers, not promises,\" the Texas senator said.\n\n\
                Witness Kerry Ashworth, 37, saw it all.\n\n\
                \"Everyone was clapping when he came out,\" the mum-of-three added.\n";
    assert_speaker(text, "A tax on turnover", "Paschal Dunne");
    assert_speaker(text, "The flying public", "Ted Corr");
    assert_speaker(text, "Everyone was clapping", "Kerry Ashworth");
}

#[test]
fn epithets_and_demonyms_stand_for_the_person_talked_about() {
    let text = "Manchester Rovers manager Erik van Dam insisted he still has the board's \
                backing.\n\n\
                The Dutchman admitted his side had been \"nowhere near good enough on the \
                day.\"\n\n\
                Former Rovers captain Gary Nolan was less forgiving on the radio. \"This is a \
                club that has lost its identity,\" the pundit said.\n\n\
                Reality star Chloe Vance has opened up about her split from footballer Ryan \
                Hurst, saying she was unhappy.\n\n\
                She went on: \"I'm in a much better place now, with my family around me.\"\n";
    assert_speaker(text, "nowhere near good enough", "Erik van Dam");
    assert_speaker(text, "This is a club that has lost", "Gary Nolan");
    assert_speaker(text, "I'm in a much better place", "Chloe Vance");
}

#[test]
fn he_said_after_someone_who_said_is_that_person() {
    let text = "The question angered Justice Arlen Kemp, and it drew the ire of Justice Omar \
                Sadiq who said he was whipsawed by the claims. \"If somebody tells you how to \
                exercise discretion, you do not have discretion,\" he said.\n\n\
                Local resident Grace Wanjiku, who lost her sister, said the dam had leaked for \
                weeks. \"We told the chiefs. Nobody came,\" the 52-year-old said.\n";
    assert_speaker(text, "If somebody tells you", "Omar Sadiq");
    assert_speaker(text, "We told the chiefs", "Grace Wanjiku");
}

#[test]
fn a_role_then_a_name_a_party_tag_and_a_name_after_including_are_read_right() {
    let text = "The attack killed four aid workers, including Director Jonas Eke.\n\n\
                \"In recent days these e-mails have been read out selectively,\" said a White \
                House spokesman, Eric Shultz. By releasing them, he said, the White House had \
                shown that the process was \"focused on providing the facts as we knew \
                them.\"\n\n\
                Shumer, D-N.Y., concluded, \"It was the governor who single-handedly closed the \
                bridge.\"\n";
    assert_speaker(text, "In recent days", "Eric Shultz");
    assert_speaker(text, "focused on providing the facts", "Eric Shultz");
    assert_speaker(text, "It was the governor", "Shumer");
}

#[test]
fn a_woman_called_mrs_is_not_shown_with_another_persons_given_name() {
    let text = "Her husband, Bill Carver, stayed in New York.\n\n\
                “We will not sign a weak deal,” Mrs. Carver said at the rally. “And if we do \
                not get a good one, there should be none.”\n\n\
                “I kind of fall in the group that says wait and see,” she added.\n";
    for opening in ["We will not sign", "I kind of fall"] {
        let who = speaker_of(text, opening).unwrap_or_default();
        assert_eq!(who, "Carver", "{opening}: not her husband's given name");
    }
}

#[test]
fn channels_named_together_never_speak_and_a_participle_is_its_subjects() {
    let text = "On Saturday President Lena Ostrova took a swipe at CNN and MSNBC, saying that \
                while the networks are unfair she does not want them taken off the air.\n";
    let a = Article::in_memory(1, "1.txt", "Article", text);
    for q in find_quotes(&a) {
        assert!(
            q.speaker.as_deref().is_none_or(|s| s.ends_with("Ostrova")),
            "the swipe's subject says it, not the channels: {q:?}"
        );
    }
}

#[test]
fn a_demonym_after_the_verb_is_the_player_talked_about() {
    let text = "Striker Piotr Kowal hit back at his critics on Sunday.\n\n\
                \"I have never given less than everything for this club,\" fumed the Pole.\n";
    assert_speaker(text, "I have never given less", "Piotr Kowal");
}

/// Issue 24, speaker round: who roles, offices, ages, given names and an interview's answers
/// stand for.
#[test]
fn an_office_in_capitals_introduces_a_person_and_is_no_part_of_the_name() {
    let text = "At a news conference in Phoenix, U.S. Attorney Gary Lindqvist spoke first.\n\n\
                \"This organization treated human life as a line item,\" Lindqvist said.\n\n\
                Standing beside him, DEA Special Agent in Charge Teresa Morales said agents \
                seized two million pills, enough, she said, \"to kill every person in this \
                state several times over.\"\n\n\
                \"It has been a tough six months for the whole sector,\" Chief Executive \
                Martin Cole told reporters.\n";
    assert_eq!(
        speaker_of(text, "to kill every person").as_deref(),
        Some("Teresa Morales"),
        "she is the agent the sentence names, not the attorney before"
    );
    assert_eq!(
        speaker_of(text, "It has been a tough").as_deref(),
        Some("Martin Cole")
    );
}

#[test]
fn an_age_or_a_description_says_who_when_someone_else_was_named_since() {
    let text = "Joanne Whitby, 41, spent the winter in a caravan with her two children.\n\n\
                Her neighbour, Carl Dunn, 67, said: \"Nobody from the council came near the \
                place.\"\n\n\
                The 41-year-old added: \"It's not about the money. We wanted an apology.\"\n\n\
                Ellie Granger, 16, from Bath, set a record on Thursday.\n\n\
                Her coach, Martin Shaw, has worked with her since she was nine. \"She is the \
                hardest worker I have had,\" Shaw said.\n\n\
                The teenager will now be considered for the national squad.\n\n\
                \"That is the dream, I am trying not to think about it,\" she admitted.\n";
    assert_eq!(
        speaker_of(text, "It's not about the money").as_deref(),
        Some("Joanne Whitby"),
        "the one the article gave as 41, not the neighbour quoted last"
    );
    assert_eq!(
        speaker_of(text, "That is the dream").as_deref(),
        Some("Ellie Granger"),
        "the teenager the sentence before is about"
    );
}

#[test]
fn a_given_name_alone_is_the_person_named_in_full() {
    let text = "Ellie Granger, 16, from Bath, clocked 2:06.41 in the backstroke final.\n\n\
                \"I honestly did not look at the clock until I heard the screaming,\" Ellie \
                said.\n";
    assert_eq!(
        speaker_of(text, "I honestly did not look").as_deref(),
        Some("Ellie Granger")
    );
}

#[test]
fn a_role_no_one_was_introduced_with_is_the_person_who_just_spoke() {
    let text = "Jalen Brooks threw for 312 yards as Denver won 27-24.\n\n\
                Patrick, who had seven catches for 104 yards, said the winning touchdown was a \
                play they had practised all week. \"Jalen put it right where it needed to be,\" \
                the receiver said.\n";
    assert_eq!(
        speaker_of(text, "Jalen put it right").as_deref(),
        Some("Patrick")
    );
}

#[test]
fn the_ledes_unnamed_person_is_the_one_the_next_paragraph_names() {
    let text = "A TV chef has been forced to apologise after calling vegans \"the most boring \
                people on earth\" during a cooking demonstration.\n\n\
                Gordon Flint, 52, made the remark at a food festival in Harrogate on Saturday.\n";
    assert_eq!(
        speaker_of(text, "the most boring people").as_deref(),
        Some("Gordon Flint")
    );
}

#[test]
fn an_interviews_answers_are_the_words_of_whom_it_is_with() {
    let text = "Tech investor Priya Sandhu sold her first company at 29. We spoke to her \
                about money and mistakes.\n\n\
                Q: Why invest only in companies led by women?\n\n\
                A: Because the numbers are so bad it is almost embarrassing.\n\n\
                Q: What was your biggest mistake?\n\n\
                A: Hiring too fast, far too fast, in our second year.\n";
    assert_eq!(
        speaker_of(text, "Because the numbers").as_deref(),
        Some("Priya Sandhu")
    );
    assert_eq!(
        speaker_of(text, "Hiring too fast").as_deref(),
        Some("Priya Sandhu")
    );
    assert_eq!(
        speaker_of(text, "Why invest only"),
        None,
        "the questioner is no one named"
    );
}

#[test]
fn a_role_with_its_own_complement_is_one_unnamed_speaker() {
    let text = "Pop star Kelsey Rowe hit back at online trolls on Sunday.\n\n\
                A source close to the singer said: \"Kelsey has learned to laugh these \
                things off, but it still hurts.\"\n";
    assert_eq!(
        speaker_of(text, "Kelsey has learned").as_deref(),
        Some("a source close to the singer"),
        "the source speaks, not the singer it is close to"
    );
}
