// Invented texts for the demo participants: names (no real person is meant),
// situations, wishes, goals, workplaces and decline reasons.
#pragma once

namespace stegvis::app::demo_texts {

// Common Swedish names, combined at random: no real person is meant.
constexpr const char* kFemale[] = {
    "Anna",   "Maja",  "Elsa",  "Linnea", "Sofia",   "Emma",  "Ebba",    "Wilma", "Alva",    "Klara", "Ida",  "Moa",
    "Saga",   "Tove",  "Hanna", "Julia",  "Frida",   "Nora",  "Agnes",   "Ellen", "Johanna", "Sara",  "Lina", "Amina",
    "Yasmin", "Leila", "Malin", "Jenny",  "Therese", "Petra", "Camilla", "Åsa",   "Märta",   "Sanna", "Elin", "Lovisa"};
constexpr const char* kMale[] = {"Erik",     "Lucas",   "Oscar",  "William", "Liam",    "Hugo",   "Elias",     "Noah",
                                 "Viktor",   "Isak",    "Axel",   "Filip",   "Anton",   "Oliver", "Emil",      "Jonas",
                                 "Mattias",  "Fredrik", "Daniel", "Johan",   "Andreas", "Patrik", "Robin",     "Kevin",
                                 "Mohammed", "Omar",    "Yusuf",  "Hassan",  "Adam",    "Simon",  "Sebastian", "Marcus",
                                 "Tobias",   "Joel",    "Björn",  "Åke"};
constexpr const char* kLast[] = {
    "Andersson", "Johansson",  "Karlsson",    "Nilsson",    "Eriksson", "Larsson",    "Olsson",     "Persson",
    "Svensson",  "Gustafsson", "Pettersson",  "Jonsson",    "Hansson",  "Bengtsson",  "Jönsson",    "Lindberg",
    "Magnusson", "Lindström",  "Olofsson",    "Lindgren",   "Axelsson", "Bergström",  "Lundberg",   "Lundqvist",
    "Mattsson",  "Berglund",   "Fredriksson", "Henriksson", "Wallin",   "Engström",   "Danielsson", "Håkansson",
    "Eklund",    "Lundin",     "Gunnarsson",  "Björk",      "Bergman",  "Samuelsson", "Fransson",   "Wikström",
    "Isaksson",  "Nyberg",     "Blomqvist",   "Claesson",   "Mohamed",  "Hassan",     "Yilmaz",     "Nordin",
    "Ström",     "Åberg",      "Öberg",       "Söderberg",  "Löfgren",  "Holmberg",   "Ekström",    "Sjögren"};

constexpr const char* kSituations[] = {"har haft försörjningsstöd i flera år och känner sig ofta nedstämd",
                                       "har varit sjukskriven för utmattning och är osäker på sin arbetsförmåga",
                                       "har adhd och svårt att komma igång på morgnarna",
                                       "avbröt gymnasiet och har mest varit hemma sedan dess",
                                       "har social ångest och undviker nya sammanhang",
                                       "har autism och behöver tydlig struktur och förberedelse",
                                       "har långvarig smärta och har inte arbetat på länge",
                                       "har bott i Sverige i några år och saknar kontakter på arbetsmarknaden"};
constexpr const char* kWishes[] = {"vill komma närmare ett arbete", "vill pröva att studera igen",
                                   "vill hitta en praktikplats med stöd", "vill få ordning på vardagen först",
                                   "vill få klarhet i vad hen orkar och kan arbeta med"};
constexpr const char* kGoalTexts[][3] = {
    {"Våga pröva en aktivitet utanför hemmet varje vecka.", "Ringa själv till myndigheter och vården.",
     "Kunna beskriva sina styrkor inför en arbetsgivare."},
    {"Ta reda på vilka yrken som passar och vad de kräver.", "Skriva ett CV och ett personligt brev.",
     "Pröva på en arbetsplats i minst fyra veckor."},
    {"Läsa in behörighet i svenska och matematik på Komvux.", "Göra en studieplan med studie- och yrkesvägledare.",
     "Gå en kortare kurs för att pröva studietakten."},
    {"Få en samordnad plan med Försäkringskassan och Arbetsförmedlingen.",
     "Komma vidare till en insats hos Arbetsförmedlingen.", "Få en utredning av arbetsförmågan via regionen."},
    {"Få en fungerande dygnsrytm och regelbundna måltider.", "Röra på sig tre gånger i veckan.",
     "Hitta sätt att hantera oro och stress."}};
constexpr const char* kWorkplaces[] = {
    "Återbruket second hand", "Parkförvaltningen",        "Kommunens fastighetsservice", "Kafé i stadsparken",
    "Förskolans kök",         "Lager på industriområdet", "Äldreboendets restaurang",    "Bilverkstad i centrum"};
constexpr const char* kDeclineReasons[] = {"Personen tackade nej efter informationssamtalet.",
                                           "Behovet bedöms kunna mötas inom ordinarie verksamhet hos remittenten.",
                                           "Personen kom inte till informationssamtalet trots två kallelser."};


}  // namespace stegvis::app::demo_texts
