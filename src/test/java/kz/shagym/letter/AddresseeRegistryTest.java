package kz.shagym.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kz.shagym.complaint.RegionCatalog;
import org.junit.jupiter.api.Test;

/** The registry of authorities in config/addressees.yaml: every region, every domestic letter, a heading fit to print. */
class AddresseeRegistryTest {

    static final AddresseeRegistry REGISTRY = AddresseeRegistry.load(Path.of("config", "addressees.yaml"));
    static final RegionCatalog REGIONS = RegionCatalog.load(Path.of("config", "regions.yaml"));

    @Test
    void everyRegionHasAHeadingForEveryDomesticLetterInRussianAndKazakhWithoutDraftingNotes() {
        assertThat(REGISTRY.regions()).containsExactlyInAnyOrderElementsOf(
                REGIONS.all().stream().map(RegionCatalog.Region::code).toList());
        for (RegionCatalog.Region region : REGIONS.all()) {
            for (LetterKind kind : LetterKind.values()) {
                if (kind.toUn()) {
                    continue;
                }
                for (String language : kind.languages()) {
                    Addressee addressee = REGISTRY.forLetter(kind, region.code(), language, "INTERNAL_SECURITY").orElseThrow();
                    assertThat(addressee.lines()).as("%s %s %s", region.code(), kind, language).isNotEmpty()
                            .allSatisfy(line -> assertThat(line).doesNotContain("(", ")", "{{", "/").isNotBlank());
                    assertThat(addressee.origin()).isEqualTo(Addressee.Origin.REGISTRY);
                }
            }
        }
    }

    @Test
    void theProsecutorIsAddressedInTheDativeOfTheRegionNotInTheNominative() {
        assertThat(REGISTRY.forLetter(LetterKind.COMPLAINT_PROSECUTOR, "KARAGANDA", "ru", null).orElseThrow().lines())
                .containsExactly("Прокурору Карагандинской области");
        assertThat(REGISTRY.forLetter(LetterKind.COMPLAINT_PROSECUTOR, "KARAGANDA", "kk", null).orElseThrow().lines())
                .containsExactly("Қарағанды облысының прокурорына");
        assertThat(REGISTRY.forLetter(LetterKind.COMPLAINT_PROSECUTOR, "ASTANA", "ru", null).orElseThrow().lines())
                .containsExactly("Прокурору города Астаны");
    }

    @Test
    void eachLetterGoesToTheBodyThatDecidesOnIt() {
        assertThat(REGISTRY.forLetter(LetterKind.COMPLAINT_INVESTIGATIVE_JUDGE, "KARAGANDA", "ru", null).orElseThrow().lines())
                .containsExactly("В специализированный межрайонный следственный суд Карагандинской области");
        assertThat(REGISTRY.forLetter(LetterKind.APPEAL, "KARAGANDA", "ru", null).orElseThrow().lines())
                .containsExactly("В судебную коллегию по уголовным делам Карагандинского областного суда");
        assertThat(REGISTRY.forLetter(LetterKind.COPY_REQUEST, "KARAGANDA", "ru", "PROSECUTOR").orElseThrow().lines())
                .as("a copy of the prosecutor's decision is asked of the prosecutor")
                .containsExactly("Прокурору Карагандинской области");
        assertThat(REGISTRY.forLetter(LetterKind.COPY_REQUEST, "KARAGANDA", "ru", "INTERNAL_SECURITY").orElseThrow().lines())
                .as("a copy of the internal security's decision is asked of the police department it belongs to")
                .containsExactly("Начальнику Департамента полиции Карагандинской области");
    }

    @Test
    void aUnCommunicationAndAnUnknownRegionHaveNoRegistryAddressee() {
        assertThat(REGISTRY.forLetter(LetterKind.CAT_COMMUNICATION, "KARAGANDA", "ru", null)).isEmpty();
        assertThat(REGISTRY.forLetter(LetterKind.APPEAL, "ATLANTIS", "ru", null)).isEmpty();
        assertThat(REGISTRY.forLetter(LetterKind.APPEAL, null, "ru", null)).isEmpty();
    }
}
