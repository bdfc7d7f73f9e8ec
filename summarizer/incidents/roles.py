"""Who did what to whom, in ACLED's conventions for each event type.

ACLED codes a protest as "Protesters (Country)" alone, or against the police that intervened; a
riot as "Rioters (Country)" against whoever they fought; violence against civilians as its
perpetrator against "Civilians (Country)", an unknown perpetrator being an "Unidentified Armed
Group (Country)"; and any other event as the side that acted against its target. Victims never
act; a named claimant of an attack does. Unnamed sides follow from the weapon: shelling and air
strikes come from the country's military, a bomb or an exchange of fire from an unidentified group;
on a front line between two known sides (the Donbas war of 2014-2022), from the side across the
line from the place.
"""

from __future__ import annotations

from summarizer.incidents.actors import (
    CIVILIANS,
    EXTERNAL,
    MILITIA,
    PROTESTERS,
    RIOTERS,
    STATE,
    UNIDENTIFIED_GROUP,
    ActorMention,
    dated_actor,
    state_forces,
    unknown_gang,
)
from summarizer.incidents.events import BATTLES, EXPLOSIONS, PROTESTS, RIOTS, STRATEGIC, VIOLENCE
from summarizer.incidents.front_lines import Actor, Point, firing_state, front_line

__all__ = ["Actor", "assign_roles"]

_MILITARY = "Military Forces of "

# Weapons that armies, not armed groups, wield: with no side named, the country's military fired.
_STATE_WEAPONS = {"Shelling/artillery/missile attack", "Air/drone strike", "Chemical weapon"}
# Weapons set off by someone unseen: forces named only near them ("a bomb went off near a police
# patrol") were their target.
_PLANTED_WEAPONS = {"Remote explosive/landmine/IED", "Suicide bomb"}


def _crowd(kind: str, country: str | None, label: str | None = None) -> Actor:
    """A generic actor of a country: "Protesters (Chile)", "Unidentified Armed Group (Mali)"."""
    label = label or kind
    return (f"{label} ({country})" if country else label), kind


def _police(actors: list[ActorMention], country: str | None) -> Actor | None:
    state = next((a for a in actors if a.kind == STATE), None)
    if state is not None:
        return _policing(state)
    return (state_forces(country, police=True), STATE) if country else None


def _policing(mention: ActorMention) -> Actor:
    """A side that faced a crowd: "security forces" that dispersed a crowd are ACLED's police."""
    if mention.general and mention.name.startswith(_MILITARY):
        return f"Police Forces of {mention.name.removeprefix(_MILITARY)}", mention.kind
    return mention.name, mention.kind


def _unnamed_perpetrator(country: str | None) -> Actor:
    """Whoever attacked civilians unseen: an unidentified group, in Brazil a gang or police militia."""
    if country == "Brazil":
        return unknown_gang(country), MILITIA
    return _crowd(MILITIA, country, UNIDENTIFIED_GROUP)


def assign_roles(
    event_type: str,
    sub_type: str,
    ordered: list[ActorMention],
    country: str | None,
    *,
    when: str | None = None,
    where: Point | None = None,
    among_themselves: bool = False,
    crowds_clashed: bool = False,
    people_harmed: bool = False,
    own_blast: bool = False,
    unknown_attacker: bool = False,
) -> tuple[Actor | None, Actor | None]:
    """actor1 and actor2 from the incident's actors, ``ordered`` initiator first, on ISO date ``when``
    at the (latitude, longitude) ``where`` of its place, if known.

    ``among_themselves``: the text tells of two sides of one kind ("two groups clashed", "rival gangs",
    a counter-protest). ``crowds_clashed``: a riot is told as a clash or a fight. ``people_harmed``:
    the incident killed or hurt people, none of them told as armed; ``own_blast``: those a blast
    harmed set it off themselves; ``unknown_attacker``: the report says nobody knows who attacked
    ("No group claimed responsibility"), so unnamed shelling came from an unidentified group.
    Sides whose name depends on the date (a renamed mission, an alliance's members) get the date's.
    """
    sides = _roles(
        event_type,
        sub_type,
        ordered,
        country,
        when=when,
        where=where,
        among_themselves=among_themselves,
        crowds_clashed=crowds_clashed,
        people_harmed=people_harmed,
        own_blast=own_blast,
        unknown_attacker=unknown_attacker,
    )
    first, second = (None if side is None else dated_actor(*side, country, when) for side in sides)
    return first, second


def _roles(
    event_type: str,
    sub_type: str,
    ordered: list[ActorMention],
    country: str | None,
    *,
    when: str | None,
    where: Point | None,
    among_themselves: bool,
    crowds_clashed: bool,
    people_harmed: bool,
    own_blast: bool,
    unknown_attacker: bool,
) -> tuple[Actor | None, Actor | None]:
    others = [a for a in ordered if a.kind not in {PROTESTERS, RIOTERS}]
    # A crowd of foreigners named first is coded by their own country ("Venezuelan migrants protested").
    crowd_country = (ordered[0].origin if ordered else None) or country
    if event_type == PROTESTS:
        protesters = _crowd(PROTESTERS, crowd_country)
        if sub_type == "Peaceful protest":
            # A counter-protest: protesters against protesters.
            return protesters, (protesters if among_themselves else None)
        if sub_type == "Excessive force against protesters":
            return _police(others, country), protesters
        return protesters, _police(others, country)
    if event_type == RIOTS:
        # Residents who rioted are the rioters themselves, not their target, unless they were harmed.
        target = next((_policing(a) for a in others if a.kind != CIVILIANS or a.victim), None)
        fought_back = any(a.kind == CIVILIANS and a.opponent and not a.victim for a in others)
        if among_themselves or fought_back or (crowds_clashed and (target is None or target[1] == CIVILIANS)):
            # Two crowds, people who fought the crowd back ("traders fought with residents"), or a
            # clash no force or armed group took part in ("villagers clashed over a well").
            return _crowd(RIOTERS, crowd_country), _crowd(RIOTERS, crowd_country)
        if target is None and sub_type == "Mob violence":
            target = _crowd(CIVILIANS, country)
        return _crowd(RIOTERS, crowd_country), target
    if event_type == VIOLENCE:
        perpetrator = next(
            ((a.name, a.kind) for a in others if a.kind != CIVILIANS and not a.victim and not a.responder),
            None,
        )
        if perpetrator is None:
            perpetrator = _unnamed_perpetrator(country)
        return perpetrator, _crowd(CIVILIANS, country)
    sides = [(a.name, a.kind) for a in ordered]
    if event_type == STRATEGIC:
        return _strategic_sides(sub_type, sides, country)
    forces = _targeted_forces(ordered)
    if sub_type in _PLANTED_WEAPONS and country and forces is not None:
        return _crowd(MILITIA, country, UNIDENTIFIED_GROUP), forces
    if event_type in {BATTLES, EXPLOSIONS}:
        first, second = _fighting_sides(
            event_type,
            sub_type,
            ordered,
            sides,
            country,
            when=when,
            where=where,
            among_themselves=among_themselves,
            unknown_attacker=unknown_attacker,
        )
        # People a blast killed or hurt, none of them named as a side or told as armed, were
        # civilians, unless those harmed set it off themselves.
        hurt_people = event_type == EXPLOSIONS and people_harmed and not own_blast
        if (
            hurt_people
            and first is not None
            and country
            and (second is None or _fired_together(ordered, second))
        ):
            # "shells fired by X and Y killed nine": Y fired too, the people were the target
            second = _crowd(CIVILIANS, country)
        return first, second
    return _first_two(sides)


def _fired_together(ordered: list[ActorMention], side: Actor) -> bool:
    """Whether ``side`` is named as an agent of the strike beside the first ("fired by X and Y")."""
    agents = [a for a in ordered if a.passive_agent and not a.victim]
    return len(agents) > 1 and any(a.name == side[0] for a in agents[1:])


def _fighting_sides(
    event_type: str,
    sub_type: str,
    ordered: list[ActorMention],
    sides: list[Actor],
    country: str | None,
    *,
    when: str | None,
    where: Point | None,
    among_themselves: bool,
    unknown_attacker: bool,
) -> tuple[Actor | None, Actor | None]:
    """Who struck whom in a battle or an explosion: civilians only ever the target, unnamed sides
    from the weapon or the front line."""
    # Civilians never fight or fire: a landmine that "injured a villager" was laid by someone.
    targets = [side for side in sides if side[1] == CIVILIANS]
    sides = [side for side in sides if side[1] != CIVILIANS]
    if not sides:
        first, second = (
            _unnamed_sides(event_type, sub_type, country, when, where, unknown_attacker=unknown_attacker)
            if country
            else (None, None)
        )
        return first, (targets[0] if targets else second)
    harmed = [(a.name, a.kind) for a in ordered if a.victim and a.kind != CIVILIANS]
    if len(harmed) == len(sides) and country:
        # Only the side harmed is named ("two policemen were killed when a bomb went off"): the
        # side that struck is unnamed, never the victims themselves: when the unnamed attacker is of
        # the harmed side's own kind ("three gunmen were killed"), only the harmed side is known.
        attacker = _unnamed_attacker(harmed[0], country, when, where)
        return (attacker, harmed[0]) if attacker != harmed[0] else (harmed[0], None)
    if len(ordered) == 1 and _idle_guard(ordered[0]) and country:
        # Guards or peacekeepers named alone that did nothing ("a man shot a bank guard") were the
        # target of an unnamed attacker.
        return _unnamed_attacker(sides[0], country, when, where), sides[0]
    generic = bool(sides) and sides[0][0].startswith("Unidentified")
    if event_type == BATTLES and len(sides) == 1 and (among_themselves or (generic and not targets)):
        # "rival gangs clashed", "inter-clan clashes": two sides of one kind, or nobody named either.
        return sides[0], sides[0]
    if event_type == BATTLES and len(sides) == 1 and sides[0][1] == STATE and not targets and country:
        # Forces fought a side left unnamed ("a shoot-out broke out during a police raid").
        return sides[0], _unnamed_opponent(sides[0], country, when)
    sides += targets
    return _first_two(sides)


def _idle_guard(mention: ActorMention) -> bool:
    """Guards or peacekeepers (an "other force") named without doing anything: never the attacker."""
    return mention.kind == EXTERNAL and not (mention.acting or mention.passive_agent)


def _first_two(sides: list[Actor]) -> tuple[Actor | None, Actor | None]:
    return (sides[0] if sides else None), (sides[1] if len(sides) > 1 else None)


def _targeted_forces(ordered: list[ActorMention]) -> Actor | None:
    """The first side named when every side named is state forces that neither acted nor claimed."""
    armed = [a for a in ordered if a.kind != CIVILIANS]
    if not armed or any(a.kind != STATE or a.acting or a.passive_agent or a.claimant for a in armed):
        return None
    return armed[0].name, armed[0].kind


def _strategic_sides(
    sub_type: str, sides: list[Actor], country: str | None
) -> tuple[Actor | None, Actor | None]:
    """Who seized, defused or destroyed, and from whom (ACLED's targets when none is named).

    Weapons found or defused belonged to an unidentified armed group, and the force that found them
    leads; property looted or destroyed belonged to civilians (seized drugs name their gang), and so
    were the people state forces arrested when no armed group is named (or only a crowd word).
    """
    if sub_type == "Arrests" and country:
        # those arrested in their homes are civilians, whatever crowd word names them ("youths")
        sides = [_crowd(CIVILIANS, country) if kind == RIOTERS else (name, kind) for name, kind in sides]
        if len(sides) == 1 and sides[0][1] == STATE:
            sides.append(_crowd(CIVILIANS, country))
    elif sub_type == "Disrupted weapons use":
        sides = sorted(sides, key=lambda side: side[1] != STATE)
        if len(sides) == 1 and sides[0][1] == STATE and country:
            sides.append(_crowd(MILITIA, country, UNIDENTIFIED_GROUP))
    elif (
        sub_type == "Looting/property destruction"
        and len(sides) == 1
        and sides[0][1] != CIVILIANS
        and country
    ):
        sides.append(_crowd(CIVILIANS, country))
    return _first_two(sides)


def _unnamed_attacker(target: Actor, country: str, when: str | None, where: Point | None) -> Actor:
    """Who struck ``target`` unnamed: the other side of its front line or of a war between states,
    else an unidentified group."""
    front = front_line(country, when)
    if front is not None and target in (front.state, front.rebels):
        return front.rebels if target == front.state else front.state
    enemy = _enemy_forces(target, country, when, where)
    return enemy or _crowd(MILITIA, country, UNIDENTIFIED_GROUP)


def _unnamed_opponent(forces: Actor, country: str, when: str | None) -> Actor:
    """Whom state forces fought unnamed: the other side of their front line or of a war between
    states, else whoever attacks unseen there (an unidentified group; in Brazil a gang or police
    militia)."""
    front = front_line(country, when)
    if front is not None and forces == front.state:
        return front.rebels
    return _enemy_forces(forces, country, when, None) or _unnamed_perpetrator(country)


def _enemy_forces(target: Actor, country: str, when: str | None, where: Point | None) -> Actor | None:
    """The military that fired unseen at ``target`` (one side's state forces) in a war between states."""
    state = firing_state(country, when, where, target[0]) if target[1] == STATE else None
    return (state_forces(state), STATE) if state is not None else None


def _unnamed_sides(
    event_type: str,
    sub_type: str,
    country: str,
    when: str | None,
    where: Point | None,
    *,
    unknown_attacker: bool,
) -> tuple[Actor, Actor | None]:
    """Who fought unnamed: a front line's two sides (who fired first: the side across the line from
    the place, or the state's when the place is unknown), the military for shelling (the enemy's in a
    war between states) unless the report says nobody knows who fired, else unknown groups."""
    front = front_line(country, when)
    if front is not None:
        # Unknown who held the place (none given, or before the line settled): the state fired first.
        held = front.holder(where, when) if where is not None and when is not None else None
        holder = held or front.rebels
        attacker = front.rebels if holder == front.state else front.state
        return attacker, (holder if event_type == BATTLES else None)
    if sub_type in _STATE_WEAPONS and not unknown_attacker:
        return (state_forces(firing_state(country, when, where) or country), STATE), None
    group = _crowd(MILITIA, country, UNIDENTIFIED_GROUP)
    return group, (group if event_type == BATTLES else None)
