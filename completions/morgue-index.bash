# bash completion for morgue-index.
_morgue_index() {
    local cur prev
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    case "$prev" in
        --db) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --print) COMPREPLY=($(compgen -W "jsonl" -- "$cur")); return ;;
        --format) COMPREPLY=($(compgen -W "text html jsonl" -- "$cur")); return ;;
        --errors) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        -j|--jobs|--commit-every|--max-record-size|--lock-timeout|--shard) return ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "--db --dry-run --print --jobs --commit-every --max-record-size
            --lock-timeout --format --errors --follow-symlinks --shard --quiet --help --version" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _morgue_index morgue-index
