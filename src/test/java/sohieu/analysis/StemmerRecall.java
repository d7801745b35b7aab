package sohieu.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Measures a stemming analyzer on groups of inflected forms of real political vocabulary: a form pair of one group
 * is recalled when the two forms share a term (a query for one finds the other); a pair of forms of different
 * groups sharing a term is a false merge.
 */
final class StemmerRecall {
  private StemmerRecall() {}

  record Result(String name, int pairs, int recalled, int groups, int wholeGroups, int falseMerges) {
    double pairRecall() {
      return pairs == 0 ? 0 : (double) recalled / pairs;
    }

    double groupRecall() {
      return groups == 0 ? 0 : (double) wholeGroups / groups;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-22s pair recall %.3f (%d/%d)  groups whole %.3f (%d/%d)  false merges %d",
          name, pairRecall(), recalled, pairs, groupRecall(), wholeGroups, groups, falseMerges);
    }
  }

  static List<List<String>> groups(String table) {
    List<List<String>> out = new ArrayList<>();
    for (String line : table.strip().split("\n")) {
      out.add(List.of(line.strip().split("\\s+")));
    }
    return out;
  }

  static Result measure(String name, Analyzer a, List<List<String>> groups) {
    List<List<Set<String>>> terms = new ArrayList<>();
    for (List<String> g : groups) {
      terms.add(g.stream().map(w -> TokenAssert.termSet(a, w)).toList());
    }
    int pairs = 0, recalled = 0, whole = 0, falseMerges = 0;
    for (int gi = 0; gi < terms.size(); gi++) {
      List<Set<String>> g = terms.get(gi);
      for (int i = 0; i < g.size(); i++) {
        for (int j = i + 1; j < g.size(); j++) {
          pairs++;
          if (intersects(g.get(i), g.get(j))) recalled++;
        }
      }
      Set<String> common = new java.util.HashSet<>(g.get(0));
      for (Set<String> s : g) common.retainAll(s);
      if (!common.isEmpty()) whole++;
      for (int gj = gi + 1; gj < terms.size(); gj++) {
        boolean merged = false;
        for (Set<String> x : g) for (Set<String> y : terms.get(gj)) merged |= intersects(x, y);
        if (merged) falseMerges++;
      }
    }
    return new Result(name, pairs, recalled, groups.size(), whole, falseMerges);
  }

  private static boolean intersects(Set<String> x, Set<String> y) {
    for (String s : x) if (y.contains(s)) return true;
    return false;
  }

  static final String POLISH = """
      uchwała uchwały uchwale uchwałę uchwałą uchwał uchwałom uchwałami uchwałach
      dyplomacja dyplomacji dyplomację dyplomacją
      partia partii partię partią partie partiach partiami partiom
      komitet komitetu komitetowi komitetem komitecie komitety komitetów komitetach
      rząd rządu rządowi rządem rządzie rządy rządów
      państwo państwa państwu państwem państwie państw państwach
      ambasada ambasady ambasadzie ambasadę ambasadą ambasad
      współpraca współpracy współpracę współpracą
      sekretarz sekretarza sekretarzowi sekretarzem sekretarzu sekretarze sekretarzy
      premier premiera premierowi premierem premierze
      wietnam wietnamu wietnamowi wietnamem wietnamie
      minister ministra ministrowi ministrem ministrze ministrowie ministrów
      ministerstwo ministerstwa ministerstwu ministerstwem ministerstwie
      prezydent prezydenta prezydentowi prezydentem prezydencie
      zjazd zjazdu zjazdowi zjazdem zjeździe zjazdy
      naród narodu narodowi narodem narodzie narody narodów
      decyzja decyzji decyzję decyzją decyzje decyzjami
      rezolucja rezolucji rezolucję rezolucją
      wizyta wizyty wizycie wizytę wizytą wizyt
      spotkanie spotkania spotkaniu spotkaniem spotkań
      polityka polityki polityce politykę polityką
      gospodarka gospodarki gospodarce gospodarkę gospodarką
      stosunek stosunku stosunki stosunków stosunkach stosunkami
      delegacja delegacji delegację delegacją delegacje
      kongres kongresu kongresie kongresem
      dokument dokumentu dokumencie dokumentem dokumenty dokumentów
      przewodniczący przewodniczącego przewodniczącemu przewodniczącym
      socjalizm socjalizmu socjalizmie socjalizmem
      reforma reformy reformie reformę reformą reform
      dyrektywa dyrektywy dyrektywie dyrektywę
      kraj kraju krajowi krajem kraje krajów krajach
      wojna wojny wojnie wojnę wojną wojen
      rozwój rozwoju rozwojowi rozwojem
      inwestycja inwestycji inwestycję inwestycje inwestycjami
      umowa umowy umowie umowę umową umów
      porozumienie porozumienia porozumieniu porozumieniem porozumień
      komunistyczny komunistycznej komunistycznego komunistycznym komunistyczną
      sekretariat sekretariatu sekretariacie
      """;

  static final String RUSSIAN = """
      дипломатия дипломатии дипломатию дипломатией
      постановление постановления постановлению постановлением постановлении постановлений
      партия партии партию партией партий партиям
      решение решения решению решением решении решений
      съезд съезда съезду съездом съезде съезды
      комитет комитета комитету комитетом комитете комитеты комитетов
      резолюция резолюции резолюцию резолюцией
      заключение заключения заключению заключением заключении
      директива директивы директиве директиву директивой директив
      министерство министерства министерству министерством министерстве
      сотрудничество сотрудничества сотрудничеству сотрудничеством сотрудничестве
      генеральный генерального генеральному генеральным генеральном генеральная генеральной
      секретарь секретаря секретарю секретарем секретарём секретаре
      правительство правительства правительству правительством правительстве
      вьетнам вьетнама вьетнаму вьетнамом вьетнаме
      государство государства государству государством государстве государств
      отношения отношений отношениям отношениями отношениях
      визит визита визиту визитом визите визиты
      народ народа народу народом народе народы народов
      политика политики политике политику политикой
      экономика экономики экономике экономику экономикой
      развитие развития развитию развитием развитии
      мобилизация мобилизации мобилизацию мобилизацией
      делегация делегации делегацию делегацией делегаций
      документ документа документу документом документе документы документов
      работа работы работе работу работой работ
      реализация реализации реализацию реализацией
      соотечественник соотечественника соотечественники соотечественников соотечественникам
      зарубежный зарубежного зарубежных зарубежным зарубежной
      председатель председателя председателю председателем председателе
      коммунистический коммунистической коммунистического коммунистическая
      """;

  static final String ENGLISH = """
      resolution resolutions
      party parties party's
      decree decrees
      committee committees
      secretary secretaries
      policy policies
      relation relations
      visit visits visited visiting
      strengthen strengthens strengthened strengthening
      implement implements implemented implementing
      delegation delegations
      country countries
      minister ministers
      conclusion conclusions
      directive directives
      """;
}
