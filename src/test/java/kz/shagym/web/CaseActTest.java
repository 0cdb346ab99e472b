package kz.shagym.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import kz.shagym.complaint.EventCommand;
import kz.shagym.complaint.EventType;
import kz.shagym.complaint.Rung;
import kz.shagym.complaint.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The acts the case page offers at each step of the ladder, and that each says its name, date and consequences in every language. */
class CaseActTest {

    @Test
    void eachStepWhereSomeoneElseMustActOffersWhatTheyCanDoThereAndTheApplicantsStepsOfferNothingButTheLetters() {
        assertThat(CaseAct.at(Rung.FILED_WITH_AUTHORITY, Step.AWAITING_RESPONSE))
                .containsExactly(CaseAct.REGISTERED, CaseAct.FORWARDED_TO_INTERNAL_SECURITY, CaseAct.REFUSED_TO_REGISTER);
        assertThat(CaseAct.at(Rung.INTERNAL_SECURITY_CHECK, Step.AWAITING_NOTICE)).containsExactly(CaseAct.INTERNAL_SECURITY_NOTICE);
        assertThat(CaseAct.at(Rung.INVESTIGATION, Step.AWAITING_DECISION)).containsExactly(CaseAct.INVESTIGATION_ENDED);
        assertThat(CaseAct.at(Rung.PROSECUTOR_COMPLAINT, Step.AWAITING_DECISION)).containsExactly(CaseAct.PROSECUTOR_DECISION);
        assertThat(CaseAct.at(Rung.INVESTIGATIVE_JUDGE, Step.AWAITING_DECISION)).containsExactly(CaseAct.JUDGE_DECISION);
        assertThat(CaseAct.at(Rung.APPEAL, Step.AWAITING_DECISION)).containsExactly(CaseAct.APPEAL_DECISION);
        assertThat(CaseAct.at(Rung.DOMESTIC_REMEDIES_EXHAUSTED, Step.AWAITING_SUBMISSION)).containsExactly(CaseAct.UN_SUBMITTED);
        assertThat(CaseAct.at(Rung.UN_COMMUNICATION, Step.AWAITING_TRANSMITTAL)).containsExactly(CaseAct.UN_TRANSMITTED, CaseAct.STATE_REPLY);
        assertThat(CaseAct.at(Rung.UN_COMMUNICATION, Step.AWAITING_STATE_REPLY)).containsExactly(CaseAct.STATE_REPLY, CaseAct.VIEWS_ADOPTED);
        assertThat(CaseAct.at(Rung.UN_COMMUNICATION, Step.AWAITING_VIEWS)).containsExactly(CaseAct.VIEWS_ADOPTED);
        assertThat(CaseAct.at(Rung.UN_FOLLOW_UP, Step.AWAITING_FOLLOW_UP)).containsExactly(CaseAct.FOLLOW_UP_REPLY);
        // the applicant's own steps are filings (the letters' form); a court route waiting for the prosecutor waits
        assertThat(CaseAct.at(Rung.INVESTIGATIVE_JUDGE, Step.AWAITING_FILING)).isEmpty();
        assertThat(CaseAct.at(Rung.INVESTIGATIVE_JUDGE, Step.AWAITING_ROUTE)).isEmpty();
        assertThat(CaseAct.at(Rung.PROSECUTOR_COMPLAINT, Step.AWAITING_FILING)).isEmpty();
    }

    @Test
    void aDecisionNamesItsAuthorityAndOnlyTheOutcomesTheLadderTakesThere() {
        assertThat(CaseAct.JUDGE_DECISION.type()).isEqualTo(EventType.DECISION);
        assertThat(CaseAct.JUDGE_DECISION.authorities()).containsExactly(EventCommand.Authority.INVESTIGATIVE_JUDGE);
        assertThat(CaseAct.JUDGE_DECISION.outcomes()).containsExactly(EventCommand.Outcome.REFUSED, EventCommand.Outcome.GRANTED);
        assertThat(CaseAct.INVESTIGATION_ENDED.outcomes()).doesNotContain(EventCommand.Outcome.GRANTED);
        assertThat(CaseAct.REFUSED_TO_REGISTER.outcomes()).containsExactly(EventCommand.Outcome.REFUSED);
        assertThat(CaseAct.REFUSED_TO_REGISTER.authorities()).doesNotContain(EventCommand.Authority.INVESTIGATIVE_JUDGE);
        assertThat(CaseAct.UN_SUBMITTED.has(CaseAct.Field.COMMITTEE)).isTrue();
        assertThat(CaseAct.UN_TRANSMITTED.has(CaseAct.Field.LEARNED)).isFalse();
        assertThat(CaseAct.CLOSED.has(CaseAct.Field.CLOSE_REASON)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"web.properties", "web_kk.properties", "web_en.properties"})
    void everyActSaysItsNameItsDateAndWhatHappensNextAndEveryReasonIsTranslated(String bundle) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/" + bundle)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> keys = new ArrayList<>();
        for (CaseAct act : CaseAct.values()) {
            keys.add("act." + act.name());
            keys.add(act.dateLabel());
            keys.addAll(act.consequences());
            assertThat(act.consequences()).as(act.name()).isNotEmpty();
        }
        for (EventCommand.CloseReason r : EventCommand.CloseReason.values()) {
            keys.add("closeReason." + r.name());
        }
        for (EventCommand.Committee k : EventCommand.Committee.values()) {
            keys.add("committee." + k.name());
        }
        for (EventCommand.Route r : EventCommand.Route.values()) {
            keys.add("route." + r.name());
        }
        for (EventType t : EventType.values()) {
            keys.add("event." + t.name());
        }
        assertThat(keys).allSatisfy(key -> assertThat(texts.getProperty(key)).as(bundle + " " + key).isNotBlank());
    }
}
