# bash completion for morgue-search. Field names come from the binary itself
# (morgue-search --list-fields), so they always match the schema.
_morgue_search() {
    local cur prev
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    case "$prev" in
        --db) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        -f|--format) COMPREPLY=($(compgen -W "text json jsonl tsv ids paths" -- "$cur")); return ;;
        --sort) COMPREPLY=($(compgen -W "relevance newest oldest relevance-recent" -- "$cur")); return ;;
        --color|--colour) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --facet) COMPREPLY=($(compgen -W "person author source tag lang year month day" -- "$cur")); return ;;
        --fields) COMPREPLY=($(compgen -W "rank score id date title authors source url path published subtitle tags people dateline lang section snippet collapsed matched" -- "$cur")); return ;;
        -n|--limit|--offset|--like|--since|--until|--now|--timeout) return ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "--db --limit --offset --sort --format --fields --null --count --any --all
            --since --until --now --facet --collapse --like --explain --no-suggest --color --colour --batch
            --list-fields --timeout --partial --help --version" -- "$cur"))
        return
    fi
    local fields
    fields=$(morgue-search --list-fields 2>/dev/null | awk 'NR > 1 { print $1 ":" }')
    if [[ $COMP_CWORD -eq 1 ]]; then fields="$fields show people"; fi
    COMPREPLY=($(compgen -W "$fields" -- "$cur"))
    [[ ${#COMPREPLY[@]} -eq 1 && "${COMPREPLY[0]}" == *: ]] && compopt -o nospace
}
complete -F _morgue_search morgue-search
